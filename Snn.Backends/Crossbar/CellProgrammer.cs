using Snn.Core.Randomness;

namespace Snn.Backends.Crossbar;

/// <summary>
/// The write side of the periphery: turns a plasticity rule's requested weight change into
/// programming pulses on a differential pair and applies them through the device's
/// <see cref="PulseUpdateModel"/>. With weight scale s (weight units per µS, the tile set's output scale):
/// <code>
/// ΔD = (w_requested − w_current)/s          (µS of G+ − G−);    ΔG_pulse± = (GMax − GMin)/N±   (mean step)
/// n  = R(|ΔD_part| / ΔG_pulse)              R: nearest or stochastic rounding (<see cref="PulseRounding"/>)
/// bidirectional devices (sign-magnitude pair, as the mapping programs it): the cell of the weight's sign
///   (G+ when G+ ≥ G−) gets potentiation pulses to grow |w| and depression pulses to shrink it; a change that
///   crosses zero depresses that cell by the |w| part and potentiates the other cell by the rest
/// reset devices (aihwkit's one-sided pair): Δw &gt; 0 potentiates G+, Δw &lt; 0 potentiates G−; then, if
///   max(x+, x−) &gt; RefreshUpper and min(x+, x−) &gt; RefreshLower, both cells are reset to GMin and
///   n = R(p(|D|)) potentiation pulses rewrite D = G+ − G− onto one cell (p: the nominal pulse position)
/// analog ideal model: the cell(s) are set so that G+ − G− = w_requested/s exactly (clamped to [GMin, GMax]),
///   one write per changed cell
/// </code>
/// Stuck cells take the pulses and writes (counted and costed) without changing. Each request draws from its own
/// counter-based stream, so a run is reproducible and independent of event order.
/// </summary>
internal sealed class CellProgrammer
{
    private readonly ResistiveDevice _device;
    private readonly PulseUpdateModel _model;
    private readonly PulseRounding _rounding;
    private readonly double _range;

    public CellProgrammer(CrossbarOptions options)
    {
        _device = options.Device;
        _model = options.Device.Update;
        _rounding = options.PulseRounding;
        _range = _device.GMax - _device.GMin;
    }

    /// <summary>Potentiation (SET) pulses applied.</summary>
    public long PotentiationPulses { get; private set; }

    /// <summary>Gradual depression pulses applied.</summary>
    public long DepressionPulses { get; private set; }

    /// <summary>Reset pulses applied (reset devices: refreshes).</summary>
    public long ResetPulses { get; private set; }

    /// <summary>One-sided refreshes performed.</summary>
    public long Refreshes { get; private set; }

    /// <summary>Weight changes requested by rules (each one a programming operation).</summary>
    public long Requests { get; private set; }

    /// <summary>Energy of all programming pulses (J): Σ V²·(G_before + G_after)/2·t_pulse.</summary>
    public double Energy { get; private set; }

    /// <summary>Programs the pair of (<paramref name="source"/>, <paramref name="target"/>) of <paramref name="set"/>
    /// from <paramref name="current"/> toward <paramref name="requested"/> (weight units) and returns the weight the
    /// cells now realise, read back without noise.</summary>
    public float Program(TileSet set, int source, int target, double current, double requested, ref CounterRng rng)
    {
        long plus = (long)source * set.Stride + 2 * target;
        long minus = plus + 1;
        var g = set.Conductance;
        double before = g[plus] + g[minus];
        double scale = set.OutputScale;
        Requests++;
        if (_model.IsAnalog)
        {
            WriteAnalog(set, plus, minus, requested / scale);
        }
        else if (_model.ResetDepression)
        {
            ProgramOneSided(set, plus, minus, (requested - current) / scale, ref rng);
        }
        else
        {
            ProgramBidirectional(set, plus, minus, (requested - current) / scale, ref rng);
        }
        set.RowConductance[source] += g[plus] + g[minus] - before;
        return (float)((g[plus] - g[minus]) * scale);
    }

    private void WriteAnalog(TileSet set, long plus, long minus, double difference)
    {
        var g = set.Conductance;
        bool positive = g[plus] >= g[minus];
        long active = positive ? plus : minus;
        long other = positive ? minus : plus;
        double wanted = positive ? difference : -difference;
        double next = g[other] + wanted;
        if (next >= _device.GMin)
        {
            Write(set, active, Math.Min(next, _device.GMax));
            return;
        }
        Write(set, active, _device.GMin);
        Write(set, other, Math.Min(_device.GMin - wanted, _device.GMax));
    }

    private void Write(TileSet set, long cell, double value)
    {
        double old = set.Conductance[cell];
        if (value == old)
        {
            return;
        }
        bool potentiation = value > old;
        if (set.Stuck?[cell] == true)
        {
            value = old;
        }
        set.Conductance[cell] = value;
        if (potentiation)
        {
            PotentiationPulses++;
            Energy += PulseEnergy(_model.PotentiationVoltage, _model.PotentiationPulseWidth, old, value);
        }
        else
        {
            DepressionPulses++;
            Energy += PulseEnergy(_model.DepressionVoltage, _model.DepressionPulseWidth, old, value);
        }
    }

    private void ProgramBidirectional(TileSet set, long plus, long minus, double change, ref CounterRng rng)
    {
        var g = set.Conductance;
        bool positive = g[plus] >= g[minus];
        long active = positive ? plus : minus;
        long other = positive ? minus : plus;
        double grow = positive ? change : -change;
        double potentiationStep = _range / _model.PotentiationPulses!.Value;
        if (grow > 0)
        {
            Pulses(set, active, Round(grow / potentiationStep, ref rng), PulseKind.Potentiation, ref rng);
            return;
        }
        double shrink = -grow;
        double toZero = Math.Abs(g[plus] - g[minus]);
        Pulses(set, active, Round(Math.Min(shrink, toZero) / (_range / _model.DepressionPulses!.Value), ref rng), PulseKind.Depression, ref rng);
        if (shrink > toZero)
        {
            Pulses(set, other, Round((shrink - toZero) / potentiationStep, ref rng), PulseKind.Potentiation, ref rng);
        }
    }

    private void ProgramOneSided(TileSet set, long plus, long minus, double change, ref CounterRng rng)
    {
        double step = _range / _model.PotentiationPulses!.Value;
        Pulses(set, change > 0 ? plus : minus, Round(Math.Abs(change) / step, ref rng), PulseKind.Potentiation, ref rng);
        var g = set.Conductance;
        double xPlus = (g[plus] - _device.GMin) / _range;
        double xMinus = (g[minus] - _device.GMin) / _range;
        if (Math.Max(xPlus, xMinus) <= _model.RefreshUpper || Math.Min(xPlus, xMinus) <= _model.RefreshLower)
        {
            return;
        }
        Refreshes++;
        double difference = g[plus] - g[minus];
        Pulses(set, plus, 1, PulseKind.Reset, ref rng);
        Pulses(set, minus, 1, PulseKind.Reset, ref rng);
        double x = Math.Min(Math.Abs(difference) / _range, 1);
        Pulses(set, difference >= 0 ? plus : minus, Round(_model.PotentiationPosition(x), ref rng), PulseKind.Potentiation, ref rng);
    }

    /// <summary>Applies <paramref name="count"/> pulses of one kind to a cell, each through the nominal response,
    /// then the cycle-to-cycle noise, then saturation at the bounds.</summary>
    private void Pulses(TileSet set, long cell, long count, PulseKind kind, ref CounterRng rng)
    {
        if (count == 0)
        {
            return;
        }
        bool potentiation = kind == PulseKind.Potentiation;
        double voltage = potentiation ? _model.PotentiationVoltage : _model.DepressionVoltage;
        double width = potentiation ? _model.PotentiationPulseWidth : _model.DepressionPulseWidth;
        switch (kind)
        {
            case PulseKind.Potentiation:
                PotentiationPulses += count;
                break;
            case PulseKind.Depression:
                DepressionPulses += count;
                break;
            default:
                ResetPulses += count;
                break;
        }
        double sigma = _model.CycleToCycleNoise;
        bool stuck = set.Stuck?[cell] == true;
        double g = set.Conductance[cell];
        double x = (g - _device.GMin) / _range;
        for (long k = 0; k < count; k++)
        {
            bool saturated = potentiation ? x >= 1 : x <= 0;
            if (stuck || (sigma == 0 && saturated))
            {
                Energy += (count - k) * PulseEnergy(voltage, width, g, g);
                break;
            }
            x = kind switch
            {
                PulseKind.Potentiation => _model.Potentiate(x),
                PulseKind.Depression => _model.Depress(x),
                _ => 0,
            };
            if (sigma > 0 && kind != PulseKind.Reset)
            {
                x = Math.Clamp(x + sigma * rng.NextNormal(), 0, 1);
            }
            double next = _device.GMin + x * _range;
            Energy += PulseEnergy(voltage, width, g, next);
            g = next;
        }
        set.Conductance[cell] = g;
    }

    private long Round(double pulses, ref CounterRng rng)
    {
        double whole = Math.Floor(pulses);
        if (_rounding == PulseRounding.Nearest)
        {
            return (long)Math.Floor(pulses + 0.5);
        }
        return (long)whole + (rng.NextDouble() < pulses - whole ? 1 : 0);
    }

    /// <summary>V²·(G_before + G_after)/2·t (J) with G in µS.</summary>
    private static double PulseEnergy(double voltage, double width, double before, double after)
        => voltage * voltage * 0.5 * (before + after) * 1e-6 * width;

    private enum PulseKind
    {
        Potentiation,
        Depression,
        Reset,
    }
}
