namespace GpuPool.DevicePlugin.Mps;

/// <summary>
/// The layout of the node's MPS folder (option MpsDirectory), shared by the control daemon, which
/// the node runs, and every job container on a real GPU. The daemon is started with
/// CUDA_MPS_PIPE_DIRECTORY = <see cref="Pipe"/> and CUDA_MPS_LOG_DIRECTORY = <see cref="Log"/>, and
/// with <see cref="Shm"/> as its /dev/shm (docs/device-plugin.md, "MPS on real GPUs").
/// </summary>
public static class MpsPaths
{
    /// <summary>Where the daemon, its servers and their clients meet: named pipes and unix sockets.</summary>
    public static string Pipe(string mpsDirectory) => Path.Combine(mpsDirectory, "pipe");

    /// <summary>
    /// Shared memory of a server and its clients: a container's own /dev/shm is private to its pod,
    /// so without this one a client cannot attach to the server.
    /// </summary>
    public static string Shm(string mpsDirectory) => Path.Combine(mpsDirectory, "shm");

    /// <summary>The daemon's and servers' logs; clients never touch it, so no job container mounts it.</summary>
    public static string Log(string mpsDirectory) => Path.Combine(mpsDirectory, "log");

    /// <summary>The socket the control daemon accepts clients on.</summary>
    public static string ControlSocket(string mpsDirectory) => Path.Combine(Pipe(mpsDirectory), "control");
}
