using System.CommandLine;
using System.CommandLine.Parsing;

namespace Snn.Bench.Cli;

/// <summary>
/// The options several commands share, each declared here once with its parsing and validation;
/// a command passes only its own description and default. System.CommandLine gives every command
/// its own option object, so these are factories.
/// </summary>
public static class SharedOptions
{
    /// <summary><c>--seed</c>: a seed (a non-negative integer), default 42.</summary>
    public static Option<ulong> Seed(string description) => new("--seed")
    {
        Description = description,
        DefaultValueFactory = _ => RunSettings.DefaultSeed,
    };

    /// <summary><c>--threads</c>: worker threads, at least 1.</summary>
    /// <param name="description">What the threads do in this command.</param>
    /// <param name="defaultThreads">The default; null lets the engine choose.</param>
    public static Option<int?> Threads(string description, int? defaultThreads = null)
    {
        var option = new Option<int?>("--threads") { Description = description };
        if (defaultThreads is int threads)
        {
            option.DefaultValueFactory = _ => threads;
        }
        option.Validators.Add(r => Check<int?>(r, v => v is null or >= 1, "--threads must be at least 1."));
        return option;
    }

    /// <summary><c>--out</c> / <c>-o</c>: an output file or folder.</summary>
    /// <param name="description">What is written there.</param>
    /// <param name="defaultPath">The default; null when the command derives one itself.</param>
    public static Option<string?> Out(string description, string? defaultPath = null)
    {
        var option = new Option<string?>("--out", "-o") { Description = description };
        if (defaultPath is not null)
        {
            option.DefaultValueFactory = _ => defaultPath;
        }
        return option;
    }

    /// <summary><c>--size</c> / <c>-n</c>: a number of neurons, at least 1; null for the default.</summary>
    public static Option<int?> Size(string description)
    {
        var option = new Option<int?>("--size", "-n") { Description = description };
        option.Validators.Add(r => Check<int?>(r, v => v is null or >= 1, "--size must be at least 1."));
        return option;
    }

    /// <summary><c>--duration</c> / <c>-t</c>: simulated time in ms, finite and &gt; 0.</summary>
    /// <param name="description">What is simulated.</param>
    /// <param name="defaultMs">The default (ms); null when each network has its own.</param>
    public static Option<double?> Duration(string description, double? defaultMs = null)
    {
        var option = new Option<double?>("--duration", "-t") { Description = description };
        if (defaultMs is double ms)
        {
            option.DefaultValueFactory = _ => ms;
        }
        option.Validators.Add(r => Check<double?>(r, v => v is null or (> 0 and < double.PositiveInfinity), "--duration must be a finite number of ms > 0."));
        return option;
    }

    /// <summary><c>--backend</c>: an engine name among <paramref name="engines"/>.</summary>
    public static Option<string> Backend(string description, string defaultEngine, IEnumerable<string> engines)
    {
        var option = new Option<string>("--backend")
        {
            Description = description,
            DefaultValueFactory = _ => defaultEngine,
        };
        option.AcceptOnlyFromAmong([.. engines]);
        return option;
    }

    /// <summary><c>--quick</c>: the reduced form of a run.</summary>
    public static Option<bool> Quick(string description) => new("--quick") { Description = description };

    /// <summary>Adds <paramref name="message"/> as an error when the option's value fails <paramref name="valid"/>.</summary>
    public static void Check<T>(OptionResult result, Func<T, bool> valid, string message)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(valid);
        T value;
        try
        {
            value = result.GetValueOrDefault<T>();
        }
        catch (InvalidOperationException)
        {
            return; // not a T at all: the parser reports that itself
        }
        if (!valid(value))
        {
            result.AddError(message);
        }
    }
}
