using GpuPool.DevicePlugin.Tests.Support;

namespace GpuPool.DevicePlugin.Tests.Hosting;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EmulatorSocketPermissionTests
{
    [Fact]
    public async Task The_emulator_socket_is_open_to_its_owner_and_group_only()
    {
        using var directory = new TempDirectory();

        await using var host = await PluginHost.StartAsync(directory);

        // connect() needs write permission on the socket: nobody outside the group may have it.
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite,
            File.GetUnixFileMode(directory.EmulatorSocket));
        Assert.Equal(UnixFileOwner.CurrentGroup, UnixFileOwner.GroupOf(directory.EmulatorSocket));
    }
}
