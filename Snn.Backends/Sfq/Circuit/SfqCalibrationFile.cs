using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Snn.Core.IO;

namespace Snn.Backends.Sfq.Circuit;

/// <summary>Reads and writes an <see cref="SfqCalibration"/> as UTF-8 JSON (NaN allowed as a
/// string, for sweep points without a passed pulse), checking its format version.</summary>
public static class SfqCalibrationFile
{
    private const string ShippedResource = "Snn.Backends.Sfq.Circuit.default-4.2K.json";

    private static readonly Lazy<SfqCalibration> ShippedCalibration = new(() =>
    {
        using var stream = typeof(SfqCalibrationFile).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"The assembly lacks its resource {ShippedResource}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return FromJson(reader.ReadToEnd());
    });

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The calibration that ships with the backend: <see cref="SfqTechnology.Default"/>,
    /// reference point 4.2 K and bias scale 1, tables at 3.0, 4.2 and 5.0 K and bias scales 0.80 to
    /// 1.20 in steps of 0.05 (200 pulses at 9 gate biases per point, seed 1). Regenerate it with
    /// <c>snn-bench sfq-calibrate -o Snn.Backends/Sfq/Circuit/Calibrations/default-4.2K.json</c>.</summary>
    public static SfqCalibration Shipped => ShippedCalibration.Value;

    /// <summary>The calibration as JSON text.</summary>
    /// <param name="calibration">The calibration.</param>
    public static string ToJson(SfqCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return JsonSerializer.Serialize(calibration, Options);
    }

    /// <summary>Parses JSON written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The text.</param>
    /// <exception cref="InvalidDataException">Malformed JSON (with its byte offset) or another format version.</exception>
    public static SfqCalibration FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        SfqCalibration? calibration;
        try
        {
            calibration = JsonSerializer.Deserialize<SfqCalibration>(json, Options);
        }
        catch (JsonException e)
        {
            long offset = ByteOffset(json, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            throw new InvalidDataException($"SFQ calibration corrupt at byte {offset} (line {e.LineNumber + 1}): {e.Message}", e);
        }
        if (calibration is null)
        {
            throw new InvalidDataException("SFQ calibration corrupt at byte 0: the document is null.");
        }
        if (calibration.Version is < SfqCalibration.OldestReadableVersion or > SfqCalibration.CurrentVersion)
        {
            throw new InvalidDataException($"SFQ calibration has format version {calibration.Version}; this library reads versions {SfqCalibration.OldestReadableVersion} to {SfqCalibration.CurrentVersion}.");
        }
        return calibration;
    }

    /// <summary>Writes the calibration to <paramref name="path"/> as UTF-8 JSON, atomically: the
    /// path holds either its previous content or the whole calibration (<see cref="AtomicFile"/>).</summary>
    /// <param name="calibration">The calibration.</param>
    /// <param name="path">File path; its folder must exist.</param>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void Write(SfqCalibration calibration, string path) => AtomicFile.WriteText(path, ToJson(calibration));

    /// <summary>Reads a calibration written by <see cref="Write"/>.</summary>
    /// <param name="path">File path.</param>
    public static SfqCalibration Read(string path) => FromJson(File.ReadAllText(path, Encoding.UTF8));

    private static long ByteOffset(string json, long line, long byteInLine)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        long offset = 0;
        for (long seen = 0; seen < line && offset < bytes.Length; offset++)
        {
            if (bytes[offset] == (byte)'\n')
            {
                seen++;
            }
        }
        return Math.Min(bytes.Length, offset + byteInLine);
    }
}
