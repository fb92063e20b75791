using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;
using Snn.Tests.Shared;

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
        NeuronSwitchingBiasesUa = [146.4, 97.8],
        GateSweeps = [new GateSweep(4.2, 1, [new GateSweepPoint(60, 10, 0, 0, 10, 0, double.NaN, double.NaN)])],
        Tables = new SfqCalibratedTables
        {
            Cells = [new CellTimingPoint("JTL", 4.2, 1, 2.5, 0.04, 1), new CellTimingPoint("M", 4.2, 0.8, double.NaN, double.NaN, 0)],
            GateDelays = [new GateDelayPoint(4.2, -1.2, 3.5, 0.5, 6)],
            GateCurves = [new GateCurvePoint(4.2, 1, 70.9, 3.5, 0.05)],
        },
    };

    [Fact]
    public void JsonRoundTripKeepsEveryValueIncludingNaN()
    {
        var back = SfqCalibrationFile.FromJson(SfqCalibrationFile.ToJson(Sample));

        SfqCalibration Scalars(SfqCalibration c) => c with { GateSweep = [], NeuronSwitchingBiasesUa = [], GateSweeps = [], Tables = null };
        Assert.Equal(Scalars(Sample), Scalars(back));
        Assert.Equal(Sample.GateSweep, back.GateSweep);
        Assert.Equal(Sample.NeuronSwitchingBiasesUa, back.NeuronSwitchingBiasesUa);
        Assert.Equal(Sample.GateSweeps[0] with { Points = [] }, back.GateSweeps[0] with { Points = [] });
        Assert.Equal(Sample.GateSweeps[0].Points, back.GateSweeps[0].Points);
        Assert.Equal(Sample.Tables!.Cells, back.Tables!.Cells);
        Assert.Equal(Sample.Tables.GateDelays, back.Tables.GateDelays);
        Assert.Equal(Sample.Tables.GateCurves, back.Tables.GateCurves);
    }

    [Fact]
    public void VersionOneFileReadsWithoutTablesAndAppliesItsFixedValues()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Sfq", "Circuit", "Fixtures", "calibration-v1.json");

        var old = SfqCalibrationFile.Read(path);
        var technology = old.Apply(SfqTechnology.Default);

        Assert.Equal(1, old.Version);
        Assert.Null(old.Tables);
        Assert.Empty(old.GateSweeps);
        Assert.Equal(9, old.GateSweep.Count);
        // Values as written in the file.
        Assert.Equal(2.541020951779956, technology.Jtl.DelayPs);
        Assert.Equal(70.90928003373155, technology.GateHalfPassBiasUa);
        Assert.Null(technology.Tables);
    }

    /// <summary>A calibration written over an older one replaces it whole: a reader of the old file
    /// keeps its bytes, and the new file reads back as the calibration written.</summary>
    [Fact]
    public void WritingOverACalibrationReplacesItWhole()
    {
        var folder = Directory.CreateTempSubdirectory("snn-sfq-calibration-");
        try
        {
            string path = Path.Combine(folder.FullName, "calibration.json");
            SfqCalibrationFile.Write(Sample with { TemperatureK = 3.0 }, path);

            ReplacedFile.AssertReplacedWhole(path, () => SfqCalibrationFile.Write(Sample, path));

            Assert.Equal(Sample.TemperatureK, SfqCalibrationFile.Read(path).TemperatureK);
            Assert.Equal(SfqCalibrationFile.ToJson(Sample), File.ReadAllText(path));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
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
