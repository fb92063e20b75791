using System.CommandLine;
using Snn.Bench.Studies;

namespace Snn.Bench.Cli;

/// <summary>The command-line options of the <c>nalsm-fmnist</c> study, read into its one options record (<see cref="NalsmStudyOptions"/>).</summary>
public sealed class NalsmStudyOptionSet
{
    /// <summary>Declares the options.</summary>
    public NalsmStudyOptionSet()
    {
        Liquid.Validators.Add(r => SharedOptions.Check<int?>(r, v => v is null || NalsmAnalysis.Liquids.Contains(v.Value), "--liquid must be 1000 or 8000."));
        Variant.AcceptOnlyFromAmong([.. NalsmAnalysis.Variants]);
        Readout.AcceptOnlyFromAmong([.. NalsmAnalysis.Readouts]);
        Kernel.AcceptOnlyFromAmong([.. NalsmAnalysis.Kernels]);
    }

    /// <summary><c>--liquid</c>.</summary>
    public Option<int?> Liquid { get; } = new("--liquid")
    {
        Description = "nalsm-fmnist only: liquid neurons, 1000 or 8000 (default 1000).",
    };

    /// <summary><c>--variant</c>.</summary>
    public Option<string?> Variant { get; } = new("--variant")
    {
        Description = "nalsm-fmnist only: nalsm (astrocyte-modulated STDP), lsm-stdp (STDP, fixed A) or lsm (fixed weights) (default nalsm).",
    };

    /// <summary><c>--features</c>.</summary>
    public Option<string?> Features { get; } = new("--features")
    {
        Description = "nalsm-fmnist only: the liquid's spike counts are read from this file when it exists (the protocol must match), else simulated and written there, so that another readout needs no new simulation. While simulating, the progress is kept in FILE.partial: the first Ctrl+C or SIGTERM stops once the chunks in flight are saved, and the same command resumes a stopped or killed run.",
    };

    /// <summary><c>--readout</c>.</summary>
    public Option<string?> Readout { get; } = new("--readout")
    {
        Description = "nalsm-fmnist only: the softmax readout's training, adam (Adam, step 0.001, batches of 64, 200 epochs) or paper (the authors': Adadelta lr 0.1, batches of 250 in a fixed order, softmax-smoothed targets, 5000 epochs) (default adam).",
    };

    /// <summary><c>--kernel</c>.</summary>
    public Option<string?> Kernel { get; } = new("--kernel")
    {
        Description = "nalsm-fmnist, nalsm-liquid and nalsm-branching: the synaptic kernel, summed (every spike's kernel adds) or last-spike (the authors': only each presynaptic neuron's last spike counts) (default last-spike).",
    };

    /// <summary>The options, in help order.</summary>
    public IEnumerable<Option> All => [Liquid, Variant, Features, Readout, Kernel];

    /// <summary>The study's options on a parsed command line.</summary>
    public NalsmStudyOptions Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new NalsmStudyOptions(parse.GetValue(Liquid), parse.GetValue(Variant), parse.GetValue(Features), parse.GetValue(Readout), parse.GetValue(Kernel));
    }
}
