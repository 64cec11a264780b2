using GpuPool.Core.Gpus;
using GpuPool.Simulation.Gpus;

namespace GpuPool.Simulation.Tests.Gpus;

public sealed class NoisyCoRunModelTests
{
    private static readonly ContentionModel Truth = new(GpuModel.V100, CoRunParameters.Default);

    [Fact]
    public void Zero_sigma_is_the_inner_model()
    {
        var a = Kernels.Make("a");
        var b = Kernels.Make("b");

        Assert.Equal(Truth.CoRunRates(a, b, 3, 4), new NoisyCoRunModel(Truth, 0, 7).CoRunRates(a, b, 3, 4));
    }

    [Fact]
    public void Same_seed_same_noise_in_any_order_and_another_seed_differs()
    {
        var a = Kernels.Make("a");
        var b = Kernels.Make("b");
        var first = new NoisyCoRunModel(Truth, 0.05, 7);
        var second = new NoisyCoRunModel(Truth, 0.05, 7);
        _ = second.CoRunRates(b, a, 1, 1);

        Assert.Equal(first.CoRunRates(a, b, 3, 4), second.CoRunRates(a, b, 3, 4));
        Assert.NotEqual(first.CoRunRates(a, b, 3, 4), new NoisyCoRunModel(Truth, 0.05, 8).CoRunRates(a, b, 3, 4));
        Assert.NotEqual(Truth.CoRunRates(a, b, 3, 4), first.CoRunRates(a, b, 3, 4));
    }

    public static TheoryData<double> Sigmas => new() { 0.05, 0.3 };

    /// <summary>log(noisy / truth) over many distinct questions: mean 0, standard deviation sigma.</summary>
    [Theory]
    [MemberData(nameof(Sigmas))]
    public void Noise_is_log_normal_with_the_given_sigma(double sigma)
    {
        var noisy = new NoisyCoRunModel(Truth, sigma, 7);
        var logs = Enumerable.Range(0, 2000).Select(i => Kernels.Make($"k{i}")).Select(k => Math.Log(noisy.AloneRate(k, 2) / Truth.AloneRate(k, 2))).ToList();

        var mean = logs.Average();
        var sd = Math.Sqrt(logs.Average(l => (l - mean) * (l - mean)));
        Assert.InRange(mean, -0.1 * sigma, 0.1 * sigma);
        Assert.InRange(sd, 0.9 * sigma, 1.1 * sigma);
    }
}
