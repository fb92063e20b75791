using Snn.Backends.Sfq.Circuit;

namespace Snn.Backends.Tests.Sfq.Circuit;

/// <summary>The calibration's JSON form.</summary>
public class SfqCalibrationFileTests
{
    private static readonly SfqCalibration Sample = new()
    {
        TemperatureK = 4.2,
        TimeStepPs = 0.1,
        PulsesPerPoint = 10,
        CriticalCurrentUa = 100,
        JtlDelayPs = 2.5,
        GateHalfPassBiasUa = 70.9,
        GateSpreadUa = 3.5,
        GateDoubleSwitchRate = 0.05,
        GateSweep = [new GateSweepPoint(60, 10, 0, 0, 10, 0, double.NaN, double.NaN), new GateSweepPoint(80, 10, 9, 1, 0, 0, 5.1, 0.4)],
        NeuronLoopInductancePh = 40,
        NeuronZeroFluxSwitchingBiasUa = 146.4,
        NeuronFluxonCurrentUa = 48.6,
    };

    [Fact]
    public void JsonRoundTripKeepsEveryValueIncludingNaN()
    {
        var back = SfqCalibrationFile.FromJson(SfqCalibrationFile.ToJson(Sample));

        Assert.Equal(Sample with { GateSweep = [] }, back with { GateSweep = [] });
        Assert.Equal(Sample.GateSweep, back.GateSweep);
    }

    [Fact]
    public void AnotherFormatVersionIsRefused()
    {
        string json = SfqCalibrationFile.ToJson(Sample with { Version = 99 });

        var error = Assert.Throws<InvalidDataException>(() => SfqCalibrationFile.FromJson(json));
        Assert.Contains("version 99", error.Message);
    }

    [Fact]
    public void TruncatedJsonNamesTheByteOffset()
    {
        string json = SfqCalibrationFile.ToJson(Sample);
        string truncated = json[..(json.Length / 2)];

        var error = Assert.Throws<InvalidDataException>(() => SfqCalibrationFile.FromJson(truncated));
        Assert.Contains("at byte", error.Message);
    }
}
