using Snn.Bench.Tests;
using Snn.Distribution.Tests.Support;

namespace Snn.Distribution.Tests.Packages;

/// <summary>
/// snn-bench as a new user installs it: packed as a .NET tool (without rebuilding) into a
/// temporary feed, installed from that feed alone with <c>dotnet tool install --tool-path</c>, then
/// <c>snn-bench run cuba</c> from outside the repository must print its table, write results.json
/// and its plots, and the Brian2 and PyTorch peer scripts must be installed beside the program.
/// Slow (the tool package carries every engine's native libraries, about 265 MB): trait
/// Category=Integration.
/// </summary>
[Trait("Category", "Integration")]
public class ToolPackageTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    [Fact]
    public void ToolInstalledFromTheFeedRunsCubaAndCarriesItsPeerScripts()
    {
        using var root = new TemporaryDirectory();
        string version = PackedFeed.UniqueTestVersion();
        string feed = Path.Combine(root.Path, "feed");
        string tools = Path.Combine(root.Path, "tools");
        string work = Path.Combine(root.Path, "work");
        Directory.CreateDirectory(work);
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root.Path, "packages") };

        CommandLine.Run("dotnet", Repository.Root, ["pack", Repository.PathOf("bench/Snn.Bench/Snn.Bench.csproj"), "-c", Repository.Configuration, "--no-build", "-o", feed, $"-p:Version={version}"], Deadline);
        string config = PackedFeed.WriteNugetConfig(work, feed);
        CommandLine.Run("dotnet", work, ["tool", "install", "snn-bench", "--tool-path", tools, "--version", version, "--configfile", config], Deadline, isolated);
        string output = CommandLine.Run(Path.Combine(tools, "snn-bench"), work, ["run", "cuba", "--size", "1000", "--duration", "200", "--out", "out"], Deadline);

        Assert.Contains("Mean rate", output);
        Assert.True(File.Exists(Path.Combine(work, "out", "results.json")), "results.json was not written");
        byte[] png = File.ReadAllBytes(Path.Combine(work, "out", "cuba-raster.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        var installed = Directory.EnumerateFiles(tools, "*.py", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet();
        Assert.Superset(new HashSet<string?> { "brian2_cuba.py", "brian2_coba.py", "brian2_izhikevich_2003.py", "brian2_peer.py", "torch_dcls.py" }, installed);
    }
}
