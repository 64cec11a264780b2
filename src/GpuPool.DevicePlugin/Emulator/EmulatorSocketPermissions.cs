using System.Runtime.InteropServices;

namespace GpuPool.DevicePlugin.Emulator;

/// <summary>
/// Narrows the emulator socket, which Kestrel creates with the process umask, to owner and one group
/// (0660): connect() needs write permission on the socket, so only root and members of the group
/// (job containers, by their own or a supplemental group) can reach the emulator, not every user
/// on the node. .NET sets modes but not owners, hence chown(2) itself.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static partial class EmulatorSocketPermissions
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    public static void Apply(string socketPath, int group)
    {
        // -1: keep the owner. Changing only the group needs no capability when the process is a
        // member of it (the chart runs the plugin with it as its group), and root may set any.
        if (Chown(socketPath, -1, group) != 0)
        {
            throw new IOException($"Cannot give the emulator socket {socketPath} group {group}: errno {Marshal.GetLastPInvokeError()}.");
        }

        File.SetUnixFileMode(socketPath, Mode);
    }

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, int owner, int group);
}
