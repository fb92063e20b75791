using System.CommandLine;
using Snn.Bench.Running;
using Snn.Bench.Studies;
using Snn.Bench.Suites;

namespace Snn.Bench.Cli;

/// <summary>The arguments and options of <c>snn-bench run</c>, read into <see cref="RunSettings"/>.</summary>
public sealed class RunOptionSet
{
    private readonly Argument<string[]> _suites = new("suite")
    {
        Description = "Suites and studies to run (see 'snn-bench list'); suites run first, then studies.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<int?> _size = SharedOptions.Size("Neurons per suite (default: each suite's own size).");

    private readonly Option<double?> _scale = new("--scale")
    {
        Description = "microcircuit only: fraction of the full model's neurons in (0, 1] (the reference's N_scaling), instead of --size.",
    };

    private readonly Option<double?> _kScale = new("--k-scale")
    {
        Description = "microcircuit only: in-degree scale in (0, 1] (the reference's K_scaling: weights x1/sqrt(K) and its DC compensation of the lost mean input) (default 1 at full scale, 0.5 below it).",
    };

    private readonly Option<double?> _powerWatts = new("--power-watts")
    {
        Description = "Suites: the machine's mean power draw while simulating (W, e.g. from a wall meter), for energy per synaptic event (default: the CPU packages' RAPL counters where readable, else no energy).",
    };

    private readonly Option<double?> _duration = SharedOptions.Duration($"Simulated time in ms (default: the suite's own, else {RunSettings.DefaultDurationMs}).");

    private readonly Option<int?> _threads = SharedOptions.Threads("Worker threads (default: the engine's choice; results do not depend on it).");

    private readonly Option<ulong> _seed = SharedOptions.Seed("Network seed.");

    private readonly Option<string?> _out = SharedOptions.Out("Folder for results.json and the PNG plots.", RunSettings.DefaultOutDirectory);

    private readonly Option<string> _backend = SharedOptions.Backend(
        "Engine to run on (default: mpi under mpirun, else cpu). mpi: start with mpirun -np K dotnet snn-bench.dll run ...", BackendFactory.DefaultName, BackendFactory.Names);

    private readonly Option<bool> _quick = SharedOptions.Quick("Studies: smaller sweeps and networks (a first look in seconds).");

    private readonly Option<string?> _data = new("--data")
    {
        Description = "Studies: the folder of the data set they read (delays-shd: shd_train.h5 and shd_test.h5; delays-ablation, nalsm-fmnist: Fashion-MNIST's IDX files; crossbar-lsm: N-MNIST with Train/<digit>/*.bin and Test/<digit>/*.bin).",
    };

    private readonly NalsmStudyOptionSet _nalsm = new();

    /// <summary>Declares the arguments and options.</summary>
    public RunOptionSet()
    {
        _suites.AcceptOnlyFromAmong([.. SuiteCatalog.Names, .. StudyCatalog.Names]);
        _scale.Validators.Add(r => SharedOptions.Check<double?>(r, v => v is null or (> 0 and <= 1), "--scale must be a fraction in (0, 1]."));
        _kScale.Validators.Add(r => SharedOptions.Check<double?>(r, v => v is null or (> 0 and <= 1), "--k-scale must be a fraction in (0, 1]."));
        _powerWatts.Validators.Add(r => SharedOptions.Check<double?>(r, v => v is null or (> 0 and < double.PositiveInfinity), "--power-watts must be a finite power in W > 0."));
    }

    /// <summary>Adds the arguments and options to <paramref name="command"/>, in help order.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(_suites);
        foreach (var option in new Option[] { _size, _scale, _kScale, _powerWatts, _duration, _threads, _seed, _out, _backend, _quick, _data }.Concat(_nalsm.All))
        {
            command.Add(option);
        }
    }

    /// <summary>The settings of a parsed command line.</summary>
    public RunSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new RunSettings
        {
            Suites = parse.GetValue(_suites) ?? [],
            Size = parse.GetValue(_size),
            DurationMs = parse.GetValue(_duration),
            Threads = parse.GetValue(_threads),
            Seed = parse.GetValue(_seed),
            OutDirectory = parse.GetValue(_out) ?? RunSettings.DefaultOutDirectory,
            Backend = parse.GetValue(_backend) ?? RunSettings.DefaultBackend,
            Quick = parse.GetValue(_quick),
            DataDirectory = parse.GetValue(_data),
            Scale = parse.GetValue(_scale),
            InDegreeScale = parse.GetValue(_kScale),
            PowerWatts = parse.GetValue(_powerWatts),
            Nalsm = _nalsm.Read(parse),
        };
    }
}
