using System.Reflection;
using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Datasets;
using Snn.Experiments.Crossbar;
using Snn.Learning.Readout;

namespace Snn.Experiments.Tests;

/// <summary>The experiments live in this assembly only: the library assemblies (what the packages
/// ship) hold none of them, and the layer rule between the libraries holds.</summary>
public sealed class LibraryBoundaryTests
{
    private static readonly Assembly[] Libraries =
        [typeof(Network).Assembly, typeof(CpuBackend).Assembly, typeof(RidgeReadout).Assembly, typeof(EventSample).Assembly];

    [Fact]
    public void NoLibraryAssemblyHoldsATypeOfTheExperiments()
    {
        var experimentTypes = typeof(CrossbarLsmExperiment).Assembly.GetExportedTypes().Select(t => t.Name).ToHashSet();
        Assert.Contains(nameof(CrossbarLsmExperiment), experimentTypes);
        Assert.True(experimentTypes.Count > 20, $"only {experimentTypes.Count} experiment types found");

        var leftBehind = Libraries.SelectMany(a => a.GetTypes()).Where(t => experimentTypes.Contains(t.Name)).Select(t => t.FullName).ToArray();

        Assert.Empty(leftBehind);
    }

    [Fact]
    public void BackendsDoNotReferenceLearning()
    {
        var references = typeof(CpuBackend).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray();

        Assert.Contains("Snn.Core", references);
        Assert.DoesNotContain("Snn.Learning", references);
        Assert.DoesNotContain("Snn.Datasets", references);
    }
}
