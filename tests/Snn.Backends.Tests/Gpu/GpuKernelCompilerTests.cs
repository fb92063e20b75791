using Snn.Backends.Gpu;

namespace Snn.Backends.Tests.Gpu;

/// <summary>
/// The OpenCL C that ILGPU generates for every Core model, spike replay and an unmanaged plasticity
/// rule is accepted by a real OpenCL C compiler (clang's front end, OpenCL C 2.0, which parses and
/// type-checks it). No PTX assembler can be installed here (ptxas ships only in NVIDIA's CUDA
/// toolkit), so the PTX is checked only by <see cref="GpuKernelSourceTests"/>.
/// </summary>
public class GpuKernelCompilerTests
{
    [ClangFact]
    public void GeneratedOpenClCompilesWithClang()
    {
        var sources = GpuBackend.GenerateKernelSource(GpuKernelSourceTests.EveryModel(), GpuKernelLanguage.OpenClC);

        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var (code, diagnostics) = OpenClCompiler.Check(source.Source);
            Assert.True(code == 0, $"clang rejects kernel {source.Kernel} of {source.Owner}:\n{diagnostics}");
        }
    }

    [ClangFact]
    public void ClangRejectsABrokenKernel()
    {
        var (code, diagnostics) = OpenClCompiler.Check("kernel void broken(global float* a) { a[0] = undefined_name; }");

        Assert.NotEqual(0, code);
        Assert.Contains("undefined_name", diagnostics);
    }
}
