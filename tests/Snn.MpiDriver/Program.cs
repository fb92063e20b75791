using System.Diagnostics;
using System.Globalization;
using Snn.Backends.Mpi;
using Snn.Core.Simulation;
using Snn.MpiDriver;

// The MPI test driver, started by the tests under mpirun on every rank:
//   run <network> <size> <seed> <ms> <output.json> [stripe]   simulate in two pieces and record
//   save <network> <size> <seed> <ms> <checkpoint> <output.json>     run, save the checkpoint file at 45 %, run on
//   restore <network> <size> <seed> <ms> <checkpoint> <output.json>  restore the checkpoint file, run the rest
//   die <size> <seed> <output.json>                           rank 1 exits mid-run without MPI_Finalize
//   serve <file prefix>                                       compile conformance scenarios and answer calls on them (ScenarioServer)
// Rank 0 writes the result file.
return MpiSession.Run(session =>
{
    string command = args.Length > 0 ? args[0] : "";
    switch (command)
    {
        case "run" when args.Length is 6 or 7:
        {
            int size = int.Parse(args[2], CultureInfo.InvariantCulture);
            ulong seed = ulong.Parse(args[3], CultureInfo.InvariantCulture);
            double ms = double.Parse(args[4], CultureInfo.InvariantCulture);
            int? stripe = args.Length == 7 ? int.Parse(args[6], CultureInfo.InvariantCulture) : null;
            var built = TestNetworks.Build(args[1], size, seed);
            using var simulation = new MpiBackend(session, new MpiBackendOptions { StripeSize = stripe }).CompileDistributed(built.Network);
            var clock = Stopwatch.StartNew();
            double first = Math.Round(ms * 0.37, 1);
            simulation.Run(first);
            simulation.Run(ms - first);
            double seconds = clock.Elapsed.TotalSeconds;
            var result = DriverResult.Collect(simulation, built, seconds);
            if (session.Rank == 0)
            {
                result.Save(args[5]);
            }
            return 0;
        }
        case "save" or "restore" when args.Length == 7:
        {
            // save: run to 45 % of the time, write the checkpoint file from every rank, run on;
            // restore: restore the file, run the rest.
            var built = TestNetworks.Build(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), ulong.Parse(args[3], CultureInfo.InvariantCulture));
            double ms = double.Parse(args[4], CultureInfo.InvariantCulture);
            double saveAt = TestNetworks.CheckpointTime(ms);
            using var simulation = new MpiBackend(session).CompileDistributed(built.Network);
            var clock = Stopwatch.StartNew();
            if (command == "save")
            {
                simulation.Run(saveAt);
                simulation.SaveCheckpoint(args[5]);
            }
            else
            {
                simulation.RestoreCheckpoint(args[5]);
            }
            simulation.Run(ms - saveAt);
            var result = DriverResult.Collect(simulation, built, clock.Elapsed.TotalSeconds);
            if (session.Rank == 0)
            {
                result.Save(args[6]);
            }
            return 0;
        }
        case "die" when args.Length == 4:
        {
            var built = TestNetworks.Build("cuba", int.Parse(args[1], CultureInfo.InvariantCulture), ulong.Parse(args[2], CultureInfo.InvariantCulture));
            using var simulation = new MpiBackend(session).CompileDistributed(built.Network);
            simulation.Run(10);
            if (session.Rank == 1)
            {
                Console.Error.WriteLine("rank 1 exits without finalising MPI");
                Environment.Exit(3);
            }
            simulation.Run(10);
            return 0;
        }
        case "serve" when args.Length == 2:
            return ScenarioServer.Serve(session, args[1]);
        default:
            Console.Error.WriteLine("usage: serve <file prefix> | run <network> <size> <seed> <ms> <output.json> [stripe] | save|restore <network> <size> <seed> <ms> <checkpoint> <output.json> | die <size> <seed> <output.json>");
            return 2;
    }
});
