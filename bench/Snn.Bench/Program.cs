using Snn.Bench.Cli;

// snn-bench: see 'snn-bench --help'. With no arguments: the standard CUBA network, 4000 LIF neurons, 1 s.
return new BenchCli().Invoke(args);
