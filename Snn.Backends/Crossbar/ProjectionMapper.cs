using Snn.Core;
using Snn.Core.Randomness;

namespace Snn.Backends.Crossbar;

/// <summary>
/// Maps a projection onto tile sets, one per distinct delay (a crossbar read has no delay; the
/// digital periphery writes each set's outputs into the delay ring at its own offset, so a projection
/// with k delays costs k tile sets, reported as extra tiles). Weights become differential pairs
/// between GMin and GMax scaled by the projection's weight range (<see cref="CrossbarOptions.WeightRanges"/>,
/// else its largest |w|), then every cell is programmed. Cells of plastic projections also record
/// which of them are stuck, since programming pulses cannot move those.
/// </summary>
internal static class ProjectionMapper
{
    public static TileSet[] Map(Projection projection, SynapseTable table, CrossbarOptions options, ulong key, ProjectionConductances? details)
    {
        var device = options.Device;
        var delays = table.DelaySteps.Distinct().Order().ToArray();
        var sets = delays.Select(d => new TileSet(projection, d, options.TileRows, options.TileColumns)).ToArray();
        int targets = projection.Target.Size;
        options.AsGrown.TryGetValue(projection.Name, out var grown);
        if (grown is not null && grown.Count != table.Count)
        {
            throw new ArgumentException($"AsGrown['{projection.Name}'] has {grown.Count} synapses; the projection has {table.Count}.", nameof(options));
        }
        var cellWeights = sets.Select(s => new float[s.Used.LongLength]).ToArray();
        var cellSynapse = new int[table.Count];
        var setOf = new int[table.Count];
        for (int s = 0; s < table.Count; s++)
        {
            int set = Array.BinarySearch(delays, table.DelaySteps[s]);
            long cell = (long)table.Sources[s] * targets + table.Targets[s];
            if (grown is not null && sets[set].Used[cell])
            {
                throw new ArgumentException($"Projection {projection.Name} has two synapses from {table.Sources[s]} to {table.Targets[s]} with the same delay; as-grown cells cannot hold multapses.", nameof(options));
            }
            sets[set].Used[cell] = true;
            cellWeights[set][cell] += table.Weights[s];
            cellSynapse[s] = (int)cell;
            setOf[s] = set;
        }
        double range = device.GMax - device.GMin;
        double weightMax = 0;
        for (int set = 0; set < sets.Length; set++)
        {
            for (long cell = 0; cell < cellWeights[set].LongLength; cell++)
            {
                weightMax = Math.Max(weightMax, Math.Abs(cellWeights[set][cell]));
            }
        }
        if (options.WeightRanges.TryGetValue(projection.Name, out double declared))
        {
            if (weightMax > declared)
            {
                throw new ArgumentOutOfRangeException(nameof(options), weightMax,
                    $"Projection {projection.Name} has a cell weight of magnitude {weightMax}, beyond WeightRanges['{projection.Name}'] = {declared}; weights must lie in [-{declared}, {declared}].");
            }
            weightMax = declared;
        }
        bool plastic = projection.Plasticity is not null;
        double weightPerConductance = grown?.WeightPerConductance ?? (weightMax > 0 ? weightMax / range : 1 / range);
        double conductancePerWeight = weightMax > 0 ? range / weightMax : 0;
        var grownOfCell = new Dictionary<(int Set, long Cell), int>();
        if (grown is not null)
        {
            for (int s = 0; s < table.Count; s++)
            {
                grownOfCell[(setOf[s], cellSynapse[s])] = s;
            }
        }
        uint stream = CrossbarStreams.Cells(projection.Index);
        for (int set = 0; set < sets.Length; set++)
        {
            var tiles = sets[set];
            if (plastic)
            {
                tiles.Stuck = new bool[tiles.Conductance.LongLength];
            }
            double programmedSum = 0;
            double readSum = 0;
            for (int source = 0; source < tiles.Sources; source++)
            {
                for (int target = 0; target < targets; target++)
                {
                    long cell = (long)source * targets + target;
                    if (!tiles.Used[cell])
                    {
                        continue;
                    }
                    var (plus, minus) = Targets(grown, grownOfCell, set, cell, cellWeights[set][cell], device, conductancePerWeight);
                    var p = Program(plus, grown is null, options, key, stream, cell, set, 0);
                    var m = Program(minus, grown is null, options, key, stream, cell, set, 1);
                    long at = (long)source * tiles.Stride + 2 * target;
                    tiles.Conductance[at] = p.Read;
                    tiles.Conductance[at + 1] = m.Read;
                    if (tiles.Stuck is { } stuck)
                    {
                        stuck[at] = p.Fault != CellFault.None;
                        stuck[at + 1] = m.Fault != CellFault.None;
                    }
                    tiles.RowConductance[source] += p.Read + m.Read;
                    programmedSum += p.Programmed + m.Programmed;
                    readSum += p.Read + m.Read;
                }
            }
            double compensation = options.DriftCompensation && readSum > 0 ? programmedSum / readSum : 1;
            tiles.OutputScale = weightPerConductance * compensation;
        }
        if (details is not null)
        {
            details.WeightPerConductance = weightPerConductance;
            for (int s = 0; s < table.Count; s++)
            {
                int set = setOf[s];
                long cell = cellSynapse[s];
                var (plus, minus) = Targets(grown, grownOfCell, set, cell, cellWeights[set][cell], device, conductancePerWeight);
                var p = Program(plus, grown is null, options, key, stream, cell, set, 0);
                var m = Program(minus, grown is null, options, key, stream, cell, set, 1);
                details.TargetPlus[s] = plus;
                details.TargetMinus[s] = minus;
                details.ProgrammedPlus[s] = p.Programmed;
                details.ProgrammedMinus[s] = m.Programmed;
                details.ReadPlus[s] = p.Read;
                details.ReadMinus[s] = m.Read;
                details.FaultPlus[s] = p.Fault;
                details.FaultMinus[s] = m.Fault;
                details.EffectiveWeights[s] = (float)sets[set].Weight(table.Sources[s], table.Targets[s]);
            }
        }
        return sets;
    }

    private static (double Plus, double Minus) Targets(SwitchedConductances? grown, Dictionary<(int Set, long Cell), int> grownOfCell, int set, long cell,
        float weight, ResistiveDevice device, double conductancePerWeight)
    {
        if (grown is not null)
        {
            int s = grownOfCell[(set, cell)];
            return (grown.Plus[s], grown.Minus[s]);
        }
        double plus = device.Quantize(device.GMin + Math.Max(weight, 0) * conductancePerWeight);
        double minus = device.Quantize(device.GMin + Math.Max(-weight, 0) * conductancePerWeight);
        return (plus, minus);
    }

    private static (double Programmed, double Read, CellFault Fault) Program(double target, bool programmed, CrossbarOptions options, ulong key, uint stream, long cell, int set, int polarity)
    {
        var rng = new CounterRng(key, stream, (uint)cell, (ulong)(2 * set + polarity) << 20 | (ulong)(cell >> 32) << 40);
        return TileSet.ProgramCell(target, programmed, options, ref rng);
    }
}
