using GpuPool.Core.Datasets;
using GpuPool.Core.Sharing;
using GpuPool.Simulation.Gpus;

namespace GpuPool.Cli.Commands;

/// <summary>
/// Training co-runs answered by the simulated GPU instead of measured: every pair of the data set's
/// kernels (a kernel with itself included) at the quotas of a grid of fine-grained splits. Used to
/// train the shipped default model from data the repository may hold.
/// </summary>
internal static class SimulatedCoRuns
{
    /// <summary>Job A's share of each SM in the generated settings.</summary>
    public static IReadOnlyList<double> Shares { get; } = [0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875];

    /// <summary>The data set's profiles with co-runs from <paramref name="model"/>; its measured co-runs are dropped.</summary>
    public static ProfileDataset Generate(ProfileDataset profiles, ICoRunModel model)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(model);
        var kernels = profiles.Profiles;
        var pairs = new List<KernelPairMeasurement>();
        for (var i = 0; i < kernels.Count; i++)
        {
            for (var j = i; j < kernels.Count; j++)
            {
                var (a, b) = (kernels[i], kernels[j]);
                var quotas = Shares.Select(s => SharingSetting.Split(s).ThreadBlockQuotas(a.Geometry, b.Geometry, profiles.Gpu)).Distinct();
                foreach (var (quotaA, quotaB) in quotas)
                {
                    var (rateA, rateB) = model.CoRunRates(a, b, quotaA, quotaB);
                    pairs.Add(new KernelPairMeasurement(a.Id, b.Id, quotaA, quotaB, rateA, rateB));
                }
            }
        }

        return profiles with { Pairs = pairs };
    }
}
