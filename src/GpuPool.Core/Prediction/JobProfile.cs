namespace GpuPool.Core.Prediction;

/// <summary>One numbered job profile and how many jobs have been seen with it (see <see cref="JobProfiles"/>).</summary>
internal sealed class JobProfile(int id)
{
    private int _jobs;

    public int Id { get; } = id;

    /// <summary>True once a second job has this profile: only then can a cached answer be asked again.</summary>
    public bool IsShared => Volatile.Read(ref _jobs) > 1;

    public void AddJob() => Interlocked.Increment(ref _jobs);
}
