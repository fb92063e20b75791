using SharpFuzz;

namespace Snn.Fuzz.Tests;

/// <summary>
/// Runs the fuzz harness by hand (the bounded run is <see cref="ReaderFuzzTests"/>):
/// <code>
/// dotnet Snn.Fuzz.Tests.dll &lt;target&gt; [--mutants N] [--seed S] [--out DIR]   built-in mutation loop
/// dotnet Snn.Fuzz.Tests.dll &lt;target&gt; --seeds DIR                             write the seed corpus (AFL's -i)
/// dotnet Snn.Fuzz.Tests.dll &lt;target&gt; --afl                                   SharpFuzz out-of-process (afl-fuzz)
/// dotnet Snn.Fuzz.Tests.dll &lt;target&gt; --libfuzzer                             SharpFuzz libFuzzer driver
/// </code>
/// Under AFL or libFuzzer a documented exception is an ordinary outcome and any other exception is
/// a crash. Targets: idx, idx-labels, nmnist, aedat, dvs-gesture-labels, shd, nir, checkpoint,
/// delay-network, liquid-features, liquid-partial.
/// </summary>
public static class Program
{
    /// <summary>The entry point; returns 1 when the mutation loop found failures, 2 on a bad command line.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine($"usage: Snn.Fuzz.Tests <target> [--mutants N] [--seed S] [--out DIR] | --seeds DIR | --afl | --libfuzzer\ntargets: {string.Join(", ", FuzzTargets.All)}");
            return 2;
        }
        var target = FuzzTargets.Named(args[0]);
        var options = args.Skip(1).ToArray();
        string directory = Directory.CreateTempSubdirectory("snn-fuzz-").FullName;
        try
        {
            if (options.Contains("--afl"))
            {
                Fuzzer.OutOfProcess.Run(stream => ReadDocumented(target, ToBytes(stream), directory));
                return 0;
            }
            if (options.Contains("--libfuzzer"))
            {
                Fuzzer.LibFuzzer.Run(span => ReadDocumented(target, span.ToArray(), directory));
                return 0;
            }
            if (Option(options, "--seeds") is { } seeds)
            {
                Directory.CreateDirectory(seeds);
                var corpus = target.Seeds();
                for (int i = 0; i < corpus.Count; i++)
                {
                    File.WriteAllBytes(Path.Combine(seeds, $"seed-{i}{target.Extension}"), corpus[i]);
                }
                return 0;
            }
            int mutants = int.Parse(Option(options, "--mutants") ?? "100000", System.Globalization.CultureInfo.InvariantCulture);
            int seed = int.Parse(Option(options, "--seed") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            string output = Option(options, "--out") ?? Path.Combine(Environment.CurrentDirectory, "fuzz-failures");
            var failures = FuzzRunner.Run(target, mutants, seed, directory);
            foreach (var failure in failures)
            {
                Directory.CreateDirectory(output);
                string file = Path.Combine(output, $"{failure.Target}-{failure.Mutant}{target.Extension}");
                File.WriteAllBytes(file, failure.Input);
                Console.WriteLine($"{failure} -> {file}");
            }
            Console.WriteLine($"{target.Name}: {mutants} mutants, {failures.Count} failures");
            return failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Reads <paramref name="input"/>, letting only undocumented exceptions escape.</summary>
    private static void ReadDocumented(FuzzTarget target, byte[] input, string directory)
    {
        string path = Path.Combine(directory, "input" + target.Extension);
        File.WriteAllBytes(path, input);
        try
        {
            target.Read(path);
        }
        catch (Exception e) when (target.IsDocumented(e))
        {
        }
    }

    private static byte[] ToBytes(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string? Option(string[] options, string name)
    {
        int at = Array.IndexOf(options, name);
        return at >= 0 && at + 1 < options.Length ? options[at + 1] : null;
    }
}
