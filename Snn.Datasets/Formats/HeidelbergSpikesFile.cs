using System.Numerics;
using PureHDF;
using PureHDF.Selections;
using PureHDF.VOL.Native;
using Snn.Core.IO;

namespace Snn.Datasets.Formats;

/// <summary>
/// Reads the Spiking Heidelberg Digits (SHD) and Spiking Speech Commands (SSC) HDF5 files
/// (Cramer, Stradmann, Schemmel &amp; Zenke 2020): ragged rows <c>spikes/times</c> (seconds,
/// float16) and <c>spikes/units</c> (cochlea channel 0..699, uint16), one row per sample,
/// <c>labels</c>, and optional <c>extra/speaker</c> and <c>extra/keys</c> (class names).
/// Samples are read on demand, in batches of rows when streamed, so a whole file is never held
/// in memory. Event times are converted to whole µs (nearest). Events of a row are returned in
/// time order (stably sorted if the file's row is not). A data set is read only when its declared
/// size fits the file (<see cref="Hdf5Bounds"/>), so a corrupt length field is an error, not an
/// allocation of gigabytes. A zero-length row (an all-zero variable-length descriptor, as h5py
/// writes it) is an empty sample; every exception PureHDF raises while reading rows is a
/// <see cref="DataFormatException"/> naming the data set and rows, never an empty sample. PureHDF
/// also reads a descriptor whose global-heap object does not exist as a zero-length row; the
/// times/units length check then reports the row unless both of its descriptors are broken alike.
/// </summary>
public sealed class HeidelbergSpikesFile : IDisposable
{
    /// <summary>The HDF5 path of the spike times.</summary>
    public const string TimesPath = "spikes/times";

    /// <summary>The HDF5 path of the spike units (channels).</summary>
    public const string UnitsPath = "spikes/units";

    /// <summary>The HDF5 path of the labels.</summary>
    public const string LabelsPath = "labels";

    /// <summary>The HDF5 path of the speaker ids.</summary>
    public const string SpeakerPath = "extra/speaker";

    /// <summary>The HDF5 path of the class names.</summary>
    public const string KeysPath = "extra/keys";

    private readonly NativeFile _file;
    private readonly Hdf5Bounds _bounds;
    private readonly IH5Dataset _times;
    private readonly IH5Dataset _units;
    private readonly int[] _labels;

    private HeidelbergSpikesFile(string path, NativeFile file)
    {
        FilePath = path;
        _file = file;
        _bounds = new Hdf5Bounds(new FileInfo(path).Length);
        _times = Dataset(TimesPath);
        _units = Dataset(UnitsPath);
        ulong[] timesShape = _times.Space.Dimensions;
        ulong[] unitsShape = _units.Space.Dimensions;
        if (timesShape.Length != 1 || unitsShape.Length != 1 || timesShape[0] != unitsShape[0])
        {
            throw new DataFormatException(path, null, $"{TimesPath}, {UnitsPath}", $"must be 1-D arrays of equal length, but their shapes are {Shape(timesShape)} and {Shape(unitsShape)}");
        }
        if (timesShape[0] > int.MaxValue)
        {
            throw new DataFormatException(path, null, TimesPath, $"holds {timesShape[0]} rows, more than {int.MaxValue}");
        }
        Count = (int)timesShape[0];
        CheckVariableLength(_times, TimesPath, H5DataTypeClass.FloatingPoint);
        CheckVariableLength(_units, UnitsPath, H5DataTypeClass.FixedPoint);
        _labels = ReadIntegers(LabelsPath, Count);
        Speakers = Exists(SpeakerPath) ? ReadIntegers(SpeakerPath, Count) : null;
        Keys = Exists(KeysPath) ? ReadStrings(KeysPath) : [];
    }

    /// <summary>The file path.</summary>
    public string FilePath { get; }

    /// <summary>The number of samples (rows).</summary>
    public int Count { get; }

    /// <summary>The label of each sample.</summary>
    public IReadOnlyList<int> Labels => _labels;

    /// <summary>The speaker id of each sample, when the file has <c>extra/speaker</c>.</summary>
    public IReadOnlyList<int>? Speakers { get; }

    /// <summary>The class names by label, from <c>extra/keys</c> (empty when absent).</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The cochlea model's channels: 700 × 1, one polarity.</summary>
    public SensorSize Sensor => SensorSize.Heidelberg;

    /// <summary>Opens a file and checks its layout (data sets present, shapes consistent, labels readable).</summary>
    /// <param name="path">An <c>shd_*.h5</c> or <c>ssc_*.h5</c> file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not readable HDF5, or a data set is missing or has the wrong shape (names the data set and shapes).</exception>
    public static HeidelbergSpikesFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"HDF5 file '{path}' does not exist.", path);
        }
        NativeFile file;
        var stream = Hdf5Bounds.OpenEndChecked(path);
        try
        {
            file = H5File.Open(stream, leaveOpen: false);
        }
        catch (Exception e)
        {
            stream.Dispose();
            throw new DataFormatException(path, null, "/", $"is not a readable HDF5 file: {e.Message}", e);
        }
        try
        {
            return new HeidelbergSpikesFile(path, file);
        }
        catch (Exception e) when (e is not DataFormatException)
        {
            file.Dispose();
            throw new DataFormatException(path, null, "/", $"cannot be read as an SHD/SSC file: {Describe(e)}", e);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads sample <paramref name="index"/>.</summary>
    /// <param name="index">The row, in [0, Count).</param>
    /// <exception cref="DataFormatException">The row is corrupt: unequal lengths, a unit ≥ 700, or a negative or non-finite time (names the data set and row).</exception>
    public EventSample Read(int index)
    {
        Snn.Core.Validation.Guard.InRange(index, 0, Count - 1, nameof(index));
        var (times, units) = ReadRows(index, 1);
        return ToSample(index, times[0], units[0]);
    }

    /// <summary>Streams all samples in file order, reading <paramref name="batchSize"/> rows at a time.</summary>
    /// <param name="batchSize">Rows per HDF5 read, in [1, 65536].</param>
    public IEnumerable<EventSample> ReadAll(int batchSize = 256)
    {
        Snn.Core.Validation.Guard.InRange(batchSize, 1, 65536, nameof(batchSize));
        return Enumerate(batchSize);
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    private IEnumerable<EventSample> Enumerate(int batchSize)
    {
        for (int start = 0; start < Count; start += batchSize)
        {
            int n = Math.Min(batchSize, Count - start);
            var (times, units) = ReadRows(start, n);
            for (int i = 0; i < n; i++)
            {
                yield return ToSample(start + i, times[i], units[i]);
            }
        }
    }

    private EventSample ToSample(int row, double[] times, long[] units)
    {
        if (times.Length != units.Length)
        {
            throw new DataFormatException(FilePath, null, $"{TimesPath}[{row}], {UnitsPath}[{row}]", $"row {row} has {times.Length} times but {units.Length} units");
        }
        var events = new SpikeEvent[times.Length];
        for (int k = 0; k < times.Length; k++)
        {
            double t = times[k];
            if (!double.IsFinite(t) || t < 0)
            {
                throw new DataFormatException(FilePath, null, $"{TimesPath}[{row}]", $"element {k} = {t} s must be a finite time >= 0");
            }
            if ((ulong)units[k] >= (ulong)SensorSize.Heidelberg.Width)
            {
                throw new DataFormatException(FilePath, null, $"{UnitsPath}[{row}]", $"element {k} = {units[k]} must be a unit in [0, {SensorSize.Heidelberg.Width - 1}]");
            }
            events[k] = new SpikeEvent((long)Math.Round(t * 1e6), (int)units[k]);
        }
        EventOrder.SortStable(events);
        return new EventSample(events, SensorSize.Heidelberg, _labels[row], $"{FilePath}#{row}");
    }

    private (double[][] Times, long[][] Units) ReadRows(int start, int count)
    {
        var times = ReadRagged(_times, TimesPath, start, count, ReadTimeRows);
        var units = ReadRagged(_units, UnitsPath, start, count, ReadUnitRows);
        return (times, units);
    }

    private T[][] ReadRagged<T>(IH5Dataset dataset, string path, int start, int count, Func<IH5Dataset, Selection, T[][]> read)
    {
        try
        {
            return read(dataset, new HyperslabSelection((ulong)start, (ulong)count));
        }
        catch (Exception e) when (e is not DataFormatException)
        {
            throw new DataFormatException(FilePath, null, path, $"rows {start}..{start + count - 1} cannot be read: {Describe(e)}", e);
        }
    }

    private static double[][] ReadTimeRows(IH5Dataset dataset, Selection selection)
    {
        int size = dataset.Type.VariableLength.BaseType.Size;
        if (size == 2)
        {
            var rows = dataset.Read<Half[][]>(fileSelection: selection);
            var result = new double[rows.Length][];
            for (int r = 0; r < rows.Length; r++)
            {
                var row = rows[r] ?? [];
                var converted = new double[row.Length];
                for (int k = 0; k < row.Length; k++)
                {
                    converted[k] = (double)row[k];
                }
                result[r] = converted;
            }
            return result;
        }
        if (size == 4)
        {
            var rows = dataset.Read<float[][]>(fileSelection: selection);
            var result = new double[rows.Length][];
            for (int r = 0; r < rows.Length; r++)
            {
                var row = rows[r] ?? [];
                var converted = new double[row.Length];
                for (int k = 0; k < row.Length; k++)
                {
                    converted[k] = row[k];
                }
                result[r] = converted;
            }
            return result;
        }
        var doubles = dataset.Read<double[][]>(fileSelection: selection);
        for (int r = 0; r < doubles.Length; r++)
        {
            doubles[r] ??= [];
        }
        return doubles;
    }

    private static long[][] ReadUnitRows(IH5Dataset dataset, Selection selection)
    {
        int size = dataset.Type.VariableLength.BaseType.Size;
        var result = new long[selection.TotalElementCount > int.MaxValue ? 0 : (int)selection.TotalElementCount][];
        switch (size)
        {
            case 1:
                Widen(dataset.Read<byte[][]>(fileSelection: selection), result);
                break;
            case 2:
                Widen(dataset.Read<ushort[][]>(fileSelection: selection), result);
                break;
            case 4:
                Widen(dataset.Read<uint[][]>(fileSelection: selection), result);
                break;
            default:
                Widen(dataset.Read<long[][]>(fileSelection: selection), result);
                break;
        }
        return result;
    }

    private static void Widen<T>(T[][] rows, long[][] result)
        where T : struct, IBinaryInteger<T>
    {
        for (int r = 0; r < rows.Length; r++)
        {
            var row = rows[r] ?? [];
            var converted = new long[row.Length];
            for (int k = 0; k < row.Length; k++)
            {
                converted[k] = long.CreateTruncating(row[k]);
            }
            result[r] = converted;
        }
    }

    private IH5Dataset Dataset(string path)
    {
        if (!Exists(path))
        {
            throw new DataFormatException(FilePath, null, path, "is missing (an SHD/SSC file has spikes/times, spikes/units and labels)");
        }
        try
        {
            var dataset = _file.Dataset(path);
            _ = dataset.Space.Dimensions;
            _ = dataset.Type.Class;
            return dataset;
        }
        catch (Exception e)
        {
            throw new DataFormatException(FilePath, null, path, $"is not a readable data set: {Describe(e)}", e);
        }
    }

    private bool Exists(string path)
    {
        try
        {
            return _file.LinkExists(path);
        }
        catch (Exception e)
        {
            throw new DataFormatException(FilePath, null, path, $"cannot be looked up (corrupt or truncated file): {Describe(e)}", e);
        }
    }

    private void CheckVariableLength(IH5Dataset dataset, string path, H5DataTypeClass baseClass)
    {
        var type = dataset.Type;
        if (type.Class != H5DataTypeClass.VariableLength || type.VariableLength.BaseType.Class != baseClass)
        {
            string actual = type.Class == H5DataTypeClass.VariableLength ? $"variable-length {type.VariableLength.BaseType.Class}" : type.Class.ToString();
            throw new DataFormatException(FilePath, null, path, $"must hold variable-length {baseClass} rows, but holds {actual}");
        }
        int size = type.VariableLength.BaseType.Size;
        bool ok = baseClass == H5DataTypeClass.FloatingPoint ? size is 2 or 4 or 8 : size is 1 or 2 or 4 or 8;
        if (!ok)
        {
            throw new DataFormatException(FilePath, null, path, $"has {size}-byte elements, which are not supported");
        }
    }

    private int[] ReadIntegers(string path, int expected)
    {
        var dataset = Dataset(path);
        ulong[] shape = dataset.Space.Dimensions;
        if (shape.Length != 1 || shape[0] != (ulong)expected)
        {
            throw new DataFormatException(FilePath, null, path, $"has shape {Shape(shape)} but must have shape ({expected}) to match the {expected} rows of {TimesPath}");
        }
        if (dataset.Type.Class != H5DataTypeClass.FixedPoint)
        {
            throw new DataFormatException(FilePath, null, path, $"must hold integers, but holds {dataset.Type.Class}");
        }
        try
        {
            _bounds.RequireStorable(dataset.Space.Dimensions, (int)dataset.Type.Size, path);
            bool signed = dataset.Type.FixedPoint.IsSigned;
            var values = new int[expected];
            switch (dataset.Type.Size)
            {
                case 1:
                    Copy(dataset.Read<byte[]>(), values);
                    break;
                case 2 when signed:
                    Copy(dataset.Read<short[]>(), values);
                    break;
                case 2:
                    Copy(dataset.Read<ushort[]>(), values);
                    break;
                case 4:
                    Copy(dataset.Read<int[]>(), values);
                    break;
                default:
                    Copy(dataset.Read<long[]>(), values);
                    break;
            }
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] < 0)
                {
                    throw new DataFormatException(FilePath, null, path, $"element {i} is negative or above {int.MaxValue}");
                }
            }
            return values;
        }
        catch (Exception e) when (e is not DataFormatException)
        {
            throw new DataFormatException(FilePath, null, path, $"cannot be read: {Describe(e)}", e);
        }
    }

    private static void Copy<T>(T[] source, int[] target)
        where T : struct, IBinaryInteger<T>
    {
        for (int i = 0; i < target.Length; i++)
        {
            long value = long.CreateSaturating(source[i]);
            target[i] = value is < 0 or > int.MaxValue ? -1 : (int)value;
        }
    }

    private string[] ReadStrings(string path)
    {
        var dataset = Dataset(path);
        try
        {
            _bounds.RequireStorable(dataset.Space.Dimensions, (int)dataset.Type.Size, path);
            return dataset.Read<string[]>();
        }
        catch (Exception e)
        {
            throw new DataFormatException(FilePath, null, path, $"cannot be read as strings: {Describe(e)}", e);
        }
    }

    /// <summary>The message of a read failure; an out-of-memory failure here comes from a corrupt length field.</summary>
    private static string Describe(Exception e) => e is OutOfMemoryException
        ? "a length field asks for more memory than can be allocated (corrupt file)"
        : e.Message;

    private static string Shape(ulong[] shape) => "(" + string.Join(", ", shape) + ")";
}
