using GpuPool.DevicePlugin.Devices;

namespace GpuPool.DevicePlugin.Tests.Support;

/// <summary>Answers each run with the next scripted stdout; null means nvidia-smi failed.</summary>
public sealed class ScriptedProcessRunner(params string?[] outputs) : IProcessRunner
{
    private int _next;

    public List<IReadOnlyList<string>> Arguments { get; } = [];

    public Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        Assert.Equal("nvidia-smi", fileName);
        Arguments.Add(arguments);
        var output = outputs[_next++];
        return Task.FromResult(output is null ? new ProcessResult(9, "", "NVIDIA-SMI has failed") : new ProcessResult(0, output, ""));
    }
}
