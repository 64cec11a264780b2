using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;

namespace GpuPool.Core.Tests.Domain;

public class LaunchGeometryTests
{
    public static TheoryData<int, int, int, int, int> Occupancy => new()
    {
        // grid, threads, registers, shared memory -> blocks per SM on a V100
        { 8000, 256, 32, 0, 8 },          // threads and registers both allow 8
        { 8000, 1024, 64, 0, 1 },         // 1024 x 64 registers fill the register file
        { 8000, 64, 16, 49152, 2 },       // 48 KiB of shared memory per block
        { 8000, 32, 8, 0, 32 },           // the block-slot limit
        { 80, 256, 32, 0, 1 },            // a grid of one block per SM needs no more
        { 128, 256, 122, 16400, 2 },      // the artifact's cut_sgemm-0: registers round up to 124
    };

    [Theory]
    [MemberData(nameof(Occupancy))]
    public void MaxBlocksPerSm_takes_the_tightest_resource(int grid, int threads, int registers, int sharedMemory, int expected)
    {
        var geometry = new LaunchGeometry(grid, threads, registers, sharedMemory);

        Assert.Equal(expected, geometry.MaxBlocksPerSm(GpuModel.V100));
    }

    [Fact]
    public void Footprint_pads_threads_to_whole_warps()
    {
        var footprint = new LaunchGeometry(100, 33, 0, 0).Footprint(GpuModel.V100);

        Assert.Equal(64.0 / 2048, footprint.Threads);
    }

    public static TheoryData<int, int, int, int, string> Invalid => new()
    {
        { 0, 256, 32, 0, "gridBlocks" },
        { 10, 0, 32, 0, "threadsPerBlock" },
        { 10, 256, -1, 0, "registersPerThread" },
        { 10, 256, 32, -5, "sharedMemoryPerBlockBytes" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_geometry_names_the_field(int grid, int threads, int registers, int sharedMemory, string field)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new LaunchGeometry(grid, threads, registers, sharedMemory));

        Assert.Equal(field, error.ParamName);
    }
}
