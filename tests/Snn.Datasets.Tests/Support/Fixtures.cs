namespace Snn.Datasets.Tests.Support;

/// <summary>Paths of the committed fixtures (copied next to the test assembly).</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
