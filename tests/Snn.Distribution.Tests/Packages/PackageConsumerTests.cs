using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Snn.Distribution.Tests.Support;

namespace Snn.Distribution.Tests.Packages;

/// <summary>The new user's path through the packages: pack into a local feed, reference the packages
/// (not the projects) from a fresh console project or from the <c>snn-network</c> template, build, run.
/// This is the slow integration test of the suite (trait Category=Integration; about 35 s on 2 shared
/// cores: four packs without rebuilding, two restore-and-builds of small programs, one restore, one
/// template install); leave it out with
/// <c>--filter "Category!=Integration"</c>. It needs no network: the consumers' only sources are the
/// temporary feed and the already-restored global packages folder.</summary>
[Trait("Category", "Integration")]
public class PackageConsumerTests : IClassFixture<PackedFeed>
{
    private static readonly TimeSpan BuildDeadline = TimeSpan.FromMinutes(5);
    private static readonly string[] HeavyDependencies = ["ILGPU", "ILGPU.Algorithms", "Microsoft.ML.OnnxRuntime", "Microsoft.ML.OnnxRuntime.Managed", "Google.Protobuf", "PureHDF"];
    private readonly PackedFeed _feed;

    public PackageConsumerTests(PackedFeed feed) => _feed = feed;

    [Fact]
    public void ProgramBuiltAgainstThePackagesGivesTheSameSpikesAsTheProjects()
    {
        string consumer = _feed.CreateConsumer("CpuConsumer", ["Snn.Core", "Snn.Backends"]);
        File.Copy(Repository.PathOf("tests/Snn.Distribution.Tests/Packages/ConsumerNetwork.cs"), Path.Combine(consumer, "ConsumerNetwork.cs"));
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """Console.WriteLine($"spikes: {Snn.Distribution.Tests.Packages.ConsumerNetwork.CountSpikes()}");""");

        _feed.RunInConsumer(consumer, ["build", "-c", "Release", "--disable-build-servers", "-o", "out"], BuildDeadline);
        string output = _feed.RunInConsumer(consumer, ["out/CpuConsumer.dll"], BuildDeadline);

        int inProcess = ConsumerNetwork.CountSpikes();
        Assert.True(inProcess > 0, "the network is silent, so equal counts would prove nothing");
        Assert.Equal($"spikes: {inProcess}", output.Trim());
        var libraries = ProjectAssets.Libraries(consumer);
        Assert.Equal("package", libraries[$"Snn.Core/{_feed.Version}"]);
        Assert.Equal("package", libraries[$"Snn.Backends/{_feed.Version}"]);
    }

    [Fact]
    public void CpuOnlyDependencyGraphHasNoGpuOnnxOrHdf5Package()
    {
        string consumer = _feed.CreateConsumer("CpuGraph", ["Snn.Core", "Snn.Backends"]);
        string control = _feed.CreateConsumer("GpuGraph", ["Snn.Backends.Gpu"]);

        _feed.RunInConsumer(consumer, ["restore", "--disable-build-servers"], BuildDeadline);
        _feed.RunInConsumer(control, ["restore", "--disable-build-servers"], BuildDeadline);

        var cpuPackages = ProjectAssets.PackageIds(consumer);
        Assert.Contains("Snn.Backends", cpuPackages);
        Assert.All(HeavyDependencies, id => Assert.DoesNotContain(id, cpuPackages));
        // The control: the same check sees ILGPU when a consumer asks for the GPU engine.
        var gpuPackages = ProjectAssets.PackageIds(control);
        Assert.Contains("ILGPU", gpuPackages);
        Assert.Contains("Snn.Backends", gpuPackages);
    }

    [Fact]
    public void TemplateFromTheFeedCreatesAProgramThatPrintsItsDocumentedOutputAndWritesTheRaster()
    {
        string hive = _feed.NewFolder("template-hive");
        string work = _feed.NewFolder("template-work");
        string project = Path.Combine(work, "MyNetwork");

        _feed.RunInConsumer(work, ["new", "install", _feed.PackagePath("Snn.Templates"), "--debug:custom-hive", hive], BuildDeadline);
        _feed.RunInConsumer(work, ["new", "snn-network", "-n", "MyNetwork", "-o", project, "--debug:custom-hive", hive], BuildDeadline);
        _feed.WriteNugetConfig(project);
        _feed.RunInConsumer(project, ["build", "-c", "Release", "--disable-build-servers", "-o", "out"], BuildDeadline, isolated: false);
        string output = _feed.RunInConsumer(project, ["out/MyNetwork.dll"], BuildDeadline);

        var documented = Regex.Match(File.ReadAllText(Repository.PathOf("docs/templates/README.md")), "\"(\\d+ spikes from [^\"]+ Hz)\"");
        Assert.True(documented.Success, "docs/templates/README.md no longer quotes the program's output");
        Assert.Contains(documented.Groups[1].Value, output);
        Assert.Equal("package", ProjectAssets.Libraries(project)[$"Snn.Backends/{_feed.Version}"]);
        byte[] png = File.ReadAllBytes(Path.Combine(project, "raster.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Theory]
    [InlineData("Snn.Core")]
    [InlineData("Snn.Backends")]
    [InlineData("Snn.Backends.Gpu")]
    public void PackageCarriesLicenseReadmeXmlDocsAndSymbols(string id)
    {
        using var package = ZipFile.OpenRead(_feed.PackagePath(id));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("LICENSE", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);
        using (var nuspec = package.GetEntry($"{id}.nuspec")!.Open())
        {
            var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
            Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
            Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
            Assert.False(string.IsNullOrWhiteSpace(metadata.Elements().Single(e => e.Name.LocalName == "description").Value));
        }
        using var symbols = ZipFile.OpenRead(_feed.PackagePath(id, "snupkg"));
        Assert.Contains($"lib/net10.0/{id}.pdb", symbols.Entries.Select(e => e.FullName));
        string readme = new StreamReader(package.GetEntry("README.md")!.Open()).ReadToEnd();
        Assert.Contains("```", readme);
    }
}
