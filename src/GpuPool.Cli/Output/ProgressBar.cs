namespace GpuPool.Cli.Output;

/// <summary>A one-line progress bar on stderr (redrawn with carriage returns), so stdout stays clean for JSON.</summary>
public sealed class ProgressBar(TextWriter stderr)
{
    private const int Width = 30;
    private int _lastDrawn = -1;

    public void Show(int policy, int policies, int finishedJobs, int jobs)
    {
        var fraction = (policy + ((double)finishedJobs / Math.Max(1, jobs))) / Math.Max(1, policies);
        var filled = (int)Math.Round(fraction * Width);
        if (filled == _lastDrawn)
        {
            return;
        }

        _lastDrawn = filled;
        stderr.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] policy {policy + 1}/{policies}, jobs {finishedJobs}/{jobs}");
    }

    public void Done() => stderr.WriteLine();

    /// <summary>A line of its own on stderr, before the bar is drawn again.</summary>
    public void Note(string line)
    {
        stderr.WriteLine(_lastDrawn < 0 ? line : "\n" + line);
        _lastDrawn = -1;
    }
}
