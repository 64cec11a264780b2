using GpuPool.Cli.Output;

namespace GpuPool.Cli.Tests;

public sealed class FontLocatorTests
{
    [Fact]
    public void Environment_override_wins_when_the_file_exists()
    {
        Assert.Equal("/fonts/x.ttf", FontLocator.Locate(_ => "/fonts/x.ttf", p => p == "/fonts/x.ttf"));
    }

    [Fact]
    public void Missing_override_is_named()
    {
        var error = Assert.Throws<UsageException>(() => FontLocator.Locate(_ => "/nope.ttf", _ => false));

        Assert.Contains("/nope.ttf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_font_anywhere_explains_how_to_fix_it()
    {
        var error = Assert.Throws<UsageException>(() => FontLocator.Locate(_ => null, _ => false));

        Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
        Assert.Contains(FontLocator.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }
}
