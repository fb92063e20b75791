using Snn.Backends.Cpu;
using Snn.Core.Interop.Nir;

// Reads a NIR graph (Input -> Delay -> Affine -> LIF -> Output, three channels with delays of 0, 0.5
// and 1 ms), gives each input channel one spike at 1 ms and runs it on the CPU engine for 5 ms.
// Pass another .nir file as the first argument to import that one instead.
string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "delay_lif.nir");
NirGraph graph = NirFile.Read(path);
Console.WriteLine($"{Path.GetFileName(path)}: NIR {graph.Version}");

var inputSpikes = new Dictionary<string, double[][]>();
NirNetwork imported = graph.ToNetwork(new NirImportOptions { Dt = 0.1 });                  // ms
foreach (var (name, source) in imported.Inputs)
{
    inputSpikes[name] = Enumerable.Range(0, source.Size).Select(_ => new[] { 1.0 }).ToArray();
}
imported = graph.ToNetwork(new NirImportOptions { Dt = 0.1, InputSpikes = inputSpikes });
Console.WriteLine($"imported populations: {string.Join(", ", imported.Populations.Select(p => $"{p.Key} ({p.Value.Size})"))}");

using var simulation = new CpuBackend().Compile(imported.Network);
simulation.Run(5);
foreach (var (name, output) in imported.Outputs.Where(o => o.Value.Spikes is not null))
{
    var record = simulation.GetSpikes(output.Spikes!);
    var times = record.Times();
    for (int s = 0; s < record.Count; s++)
    {
        Console.WriteLine($"{name}[{record.Neurons[s]}] spikes at {times[s]:F1} ms");
    }
}
