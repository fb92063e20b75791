using System.Diagnostics;
using Snn.Backends.Cpu;
using Snn.Bench.Suites;

var built = CubaNetwork.Build(args.Length > 0 ? int.Parse(args[0]) : 4000, 42);
var build = Stopwatch.StartNew();
using var sim = new CpuBackend(new CpuBackendOptions { Threads = args.Length > 1 ? int.Parse(args[1]) : null }).Compile(built.Network);
build.Stop();
var watch = Stopwatch.StartNew();
sim.Run(1000);
watch.Stop();
long spikes = built.Spikes.Sum(m => (long)sim.GetSpikes(m).Count);
Console.WriteLine($"build {build.Elapsed.TotalSeconds:F3}s run {watch.Elapsed.TotalSeconds:F3}s spikes {spikes} rate {spikes / (double)built.RecordedNeurons:F2} Hz");
