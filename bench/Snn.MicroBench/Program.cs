using BenchmarkDotNet.Running;

// Micro-benchmarks of the CPU engine and of ONNX Runtime operators.
// Run all:        dotnet run -c Release --project bench/Snn.MicroBench -- --filter '*'
// A quick check:  dotnet run -c Release --project bench/Snn.MicroBench -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Snn.MicroBench.NeuronUpdateBenchmarks).Assembly).Run(args);
