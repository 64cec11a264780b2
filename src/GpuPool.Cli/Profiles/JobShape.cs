namespace GpuPool.Cli.Profiles;

/// <summary>
/// What a job-level import cannot read from utilisation samples: the time of one step alone on a
/// whole GPU (1 / isolated throughput) and the launch geometry of its dominant kernel, which
/// decides the thread-block quotas a split gives it. Defaults: a large grid of 256-thread blocks.
/// </summary>
public sealed record JobShape(double StepSeconds, int GridBlocks = 1024, int ThreadsPerBlock = 256, int RegistersPerThread = 32, int SharedMemoryPerBlockBytes = 0);
