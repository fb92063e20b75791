using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Snn.Learning.Gradient;

namespace Snn.Bench.Compare;

/// <summary>
/// Runs <c>bench/peers/torch_dcls.py</c>, an independent PyTorch implementation of the network
/// <see cref="DelayTrainer"/> trains, with Debian's Python and <c>python3-torch</c>. Data and
/// initial parameters go through files, so both implementations see the same numbers.
/// </summary>
/// <param name="python">The interpreter with PyTorch (<see cref="DefaultPython"/>).</param>
/// <param name="script">The peer script's path.</param>
public sealed partial class TorchDelayPeer(string python, string script)
{
    /// <summary>Debian's interpreter, where <c>apt-get install python3-torch</c> puts PyTorch.</summary>
    public const string DefaultPython = "/usr/bin/python3";

    /// <summary>The script's file name (copied next to <c>snn-bench</c> under <c>peers/</c>).</summary>
    public const string ScriptName = "torch_dcls.py";

    /// <summary>What to tell a user who has no PyTorch.</summary>
    public const string InstallHint = "PyTorch is not installed for /usr/bin/python3. Install it with: sudo apt-get install -y --no-install-recommends python3-torch";

    /// <summary>The interpreter.</summary>
    public string Python { get; } = python;

    /// <summary>The script.</summary>
    public string Script { get; } = script;

    /// <summary>The peer with Debian's Python and the script shipped next to the program; null when the script is missing.</summary>
    public static TorchDelayPeer? Default()
    {
        string script = Path.Combine(AppContext.BaseDirectory, "peers", ScriptName);
        return File.Exists(script) ? new TorchDelayPeer(DefaultPython, script) : null;
    }

    /// <summary>Whether <see cref="Python"/> exists and imports torch.</summary>
    public bool IsAvailable()
    {
        if (!File.Exists(Python))
        {
            return false;
        }
        try
        {
            return Execute(["-c", "import torch"], TimeSpan.FromMinutes(2)).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Writes the data and <paramref name="network"/>'s weights and positions into
    /// <paramref name="folder"/> for <see cref="Gradients"/> and <see cref="TrainingThroughput"/>.</summary>
    public static void WriteInputs(string folder, DelayNetwork network, SpikeTensorSet data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        Directory.CreateDirectory(folder);
        WriteFloats(Path.Combine(folder, "data.f32"), data.Data);
        using (var labels = new BinaryWriter(File.Create(Path.Combine(folder, "labels.i32"))))
        {
            foreach (int label in data.Labels)
            {
                labels.Write(label);
            }
        }
        using var parameters = new BinaryWriter(File.Create(Path.Combine(folder, "params.f32")));
        for (int l = 0; l < network.LayerCount; l++)
        {
            foreach (float w in network.GetWeights(l))
            {
                parameters.Write(w);
            }
            foreach (float p in network.GetPositions(l))
            {
                parameters.Write(p);
            }
        }
    }

    /// <summary>
    /// The peer's loss and gradients of one batch of every sample in <paramref name="folder"/>
    /// (written by <see cref="WriteInputs"/>), in <see cref="DelayGradients"/>' layout. The
    /// network must have no dropout and fresh batch norm (γ = 1, β = 0).
    /// </summary>
    public DelayGradients Gradients(string folder, DelayNetworkConfig config, int steps, double sigma, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(config);
        WriteConfig(folder, config, steps, sigma, "gradients", batch: 0, threads: 2);
        string output = Run(folder, timeout);
        var match = LossLine().Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException($"{Script} printed no loss=... line:\n{output}");
        }
        var values = ReadFloats(Path.Combine(folder, "gradients.f32"));
        int[] sizes = [config.Inputs, .. config.Hidden, config.Classes];
        int layers = sizes.Length - 1;
        var weights = new float[layers][];
        var positions = new float[layers][];
        var gamma = new float[layers][];
        var beta = new float[layers][];
        int at = 0;
        float[] Take(int n)
        {
            var part = values.AsSpan(at, n).ToArray();
            at += n;
            return part;
        }
        for (int l = 0; l < layers; l++)
        {
            int synapses = sizes[l] * sizes[l + 1];
            weights[l] = Take(synapses);
            positions[l] = Take(synapses);
            bool batchNorm = config.BatchNorm && l < layers - 1;
            gamma[l] = batchNorm ? Take(sizes[l + 1]) : [];
            beta[l] = batchNorm ? Take(sizes[l + 1]) : [];
        }
        return new DelayGradients(double.Parse(match.Groups["loss"].Value, CultureInfo.InvariantCulture), weights, positions, gamma, beta);
    }

    /// <summary>Training throughput (samples/s): one warm-up step, then one AdamW step per batch of
    /// <paramref name="batch"/> samples over the data in <paramref name="folder"/>, on <paramref name="threads"/> threads.</summary>
    public double TrainingThroughput(string folder, DelayNetworkConfig config, int steps, double sigma, int batch, int threads, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(config);
        WriteConfig(folder, config, steps, sigma, "time", batch, threads);
        string output = Run(folder, timeout);
        var match = ThroughputLine().Match(output);
        return match.Success
            ? double.Parse(match.Groups["rate"].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{Script} printed no samples_per_second=... line:\n{output}");
    }

    private static void WriteConfig(string folder, DelayNetworkConfig config, int steps, double sigma, string mode, int batch, int threads)
    {
        var json = new Dictionary<string, object>
        {
            ["mode"] = mode,
            ["inputs"] = config.Inputs,
            ["hidden"] = config.Hidden.ToArray(),
            ["classes"] = config.Classes,
            ["kernel"] = config.KernelSize,
            ["tau"] = config.TauSteps,
            ["sigma"] = sigma,
            ["alpha"] = config.SurrogateAlpha,
            ["batch_norm"] = config.BatchNorm,
            ["dropout"] = config.Dropout,
            ["steps"] = steps,
            ["batch"] = batch,
            ["threads"] = threads,
        };
        File.WriteAllText(Path.Combine(folder, "config.json"), JsonSerializer.Serialize(json));
    }

    private string Run(string folder, TimeSpan timeout)
    {
        var (exitCode, output, error) = Execute([Script, folder], timeout);
        if (exitCode != 0)
        {
            string tail = string.Join('\n', error.Split('\n').TakeLast(15));
            throw new InvalidOperationException($"{Python} {Script} {folder} exited with code {exitCode}:\n{tail}");
        }
        return output;
    }

    private static void WriteFloats(string path, float[] values)
    {
        using var writer = new BinaryWriter(File.Create(path));
        foreach (float v in values)
        {
            writer.Write(v);
        }
    }

    private static float[] ReadFloats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var values = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * sizeof(float));
        return values;
    }

    private (int ExitCode, string Output, string Error) Execute(IEnumerable<string> arguments, TimeSpan timeout)
        => PythonProcess.Execute(Python, arguments, timeout);

    [GeneratedRegex(@"loss=(?<loss>[0-9.eE+-]+)")]
    private static partial Regex LossLine();

    [GeneratedRegex(@"samples_per_second=(?<rate>[0-9.eE+-]+)")]
    private static partial Regex ThroughputLine();
}
