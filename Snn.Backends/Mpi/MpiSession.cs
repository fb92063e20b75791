using System.Diagnostics.CodeAnalysis;

namespace Snn.Backends.Mpi;

/// <summary>
/// The MPI library of this process, initialised, and its world communicator: rank, size and the
/// collectives a distributed simulation uses (barrier, broadcast, allgather(v), alltoall(v)).
/// Every rank runs the same program (SPMD) and must call the collectives in the same order.
/// Buffers are spans of <see cref="byte"/>, <see cref="int"/>, <see cref="uint"/>, <see cref="long"/>,
/// <see cref="ulong"/>, <see cref="float"/> or <see cref="double"/>; counts and displacements are
/// in elements. The binding loads Open MPI at run time (see <c>OpenMpiLibrary</c>): set
/// <c>SNN_MPI_LIBRARY</c> to the full path of <c>libmpi.so</c> to pick a specific installation.
/// </summary>
public sealed unsafe class MpiSession : IDisposable
{
    private readonly OpenMpiLibrary _library;
    private readonly bool _ownsInitialization;
    private bool _disposed;

    private MpiSession(OpenMpiLibrary library, bool ownsInitialization)
    {
        _library = library;
        _ownsInitialization = ownsInitialization;
        int rank, size;
        OpenMpiLibrary.Check(library.CommRank(library.CommWorld, &rank), "MPI_Comm_rank");
        OpenMpiLibrary.Check(library.CommSize(library.CommWorld, &size), "MPI_Comm_size");
        Rank = rank;
        Size = size;
    }

    /// <summary>Loads MPI and initialises it (<c>MPI_Init</c>), or attaches to it when this process
    /// has initialised it already. Throws <see cref="MpiUnavailableException"/> when no Open MPI
    /// library can be loaded and <see cref="InvalidOperationException"/> after MPI was finalised.</summary>
    public static MpiSession Initialize()
    {
        var library = OpenMpiLibrary.Load();
        int initialized, finalized;
        OpenMpiLibrary.Check(library.Finalized(&finalized), "MPI_Finalized");
        if (finalized != 0)
        {
            throw new InvalidOperationException("MPI has been finalised in this process and cannot be initialised again.");
        }
        OpenMpiLibrary.Check(library.Initialized(&initialized), "MPI_Initialized");
        if (initialized == 0)
        {
            OpenMpiLibrary.Check(library.Init(null, 0), "MPI_Init");
        }
        return new MpiSession(library, initialized == 0);
    }

    /// <summary>
    /// Runs <paramref name="program"/> on this rank inside an MPI session and returns its exit code.
    /// An exception escaping it is written to standard error with this rank's number and the whole
    /// job is ended with <c>MPI_Abort</c>, so no other rank waits for it forever.
    /// </summary>
    /// <param name="program">The rank's program; returns the process exit code.</param>
    public static int Run(Func<MpiSession, int> program)
    {
        ArgumentNullException.ThrowIfNull(program);
        using var session = Initialize();
        int code = 1;
        try
        {
            code = program(session);
        }
        catch (Exception e)
        {
            session.Abort(1, $"Snn: rank {session.Rank} of {session.Size} failed: {e}");
        }
        return code;
    }

    /// <summary>This process's rank in the world communicator, 0 ≤ rank &lt; <see cref="Size"/>.</summary>
    public int Rank { get; }

    /// <summary>Number of processes in the world communicator.</summary>
    public int Size { get; }

    /// <summary>The MPI library file that was loaded.</summary>
    public string LibraryPath => _library.Path;

    /// <summary>The MPI library's own version string (<c>MPI_Get_library_version</c>).</summary>
    public string LibraryVersion => _library.Version();

    /// <summary>Blocks until every rank has called it (<c>MPI_Barrier</c>).</summary>
    public void Barrier()
    {
        ThrowIfDisposed();
        OpenMpiLibrary.Check(_library.Barrier(_library.CommWorld), "MPI_Barrier");
    }

    /// <summary>Copies <paramref name="buffer"/> of rank <paramref name="root"/> into every rank's
    /// <paramref name="buffer"/> (same length on all ranks; <c>MPI_Bcast</c>).</summary>
    public void Broadcast<T>(Span<T> buffer, int root) where T : unmanaged
    {
        ThrowIfDisposed();
        CheckRank(root, nameof(root));
        fixed (T* data = buffer)
        {
            OpenMpiLibrary.Check(_library.Bcast(data, buffer.Length, TypeOf<T>(), root, _library.CommWorld), "MPI_Bcast");
        }
    }

    /// <summary>Gathers <paramref name="send"/> (same length n on every rank) from all ranks into
    /// every rank's <paramref name="receive"/>, rank r's block at r·n (<c>MPI_Allgather</c>).</summary>
    public void Allgather<T>(ReadOnlySpan<T> send, Span<T> receive) where T : unmanaged
    {
        ThrowIfDisposed();
        CheckLength(receive.Length, (long)send.Length * Size, nameof(receive));
        fixed (T* s = send)
        fixed (T* r = receive)
        {
            nint type = TypeOf<T>();
            OpenMpiLibrary.Check(_library.Allgather(s, send.Length, type, r, send.Length, type, _library.CommWorld), "MPI_Allgather");
        }
    }

    /// <summary>Gathers a block of any length from every rank into every rank's <paramref name="receive"/>:
    /// rank r sends counts[r] elements, stored at displacements[r] (<c>MPI_Allgatherv</c>).</summary>
    public void Allgatherv<T>(ReadOnlySpan<T> send, Span<T> receive, ReadOnlySpan<int> counts, ReadOnlySpan<int> displacements) where T : unmanaged
    {
        ThrowIfDisposed();
        CheckLayout(counts, displacements, receive.Length, nameof(counts));
        if (counts[Rank] != send.Length)
        {
            throw new ArgumentException($"counts[{Rank}] = {counts[Rank]} but this rank sends {send.Length} elements.", nameof(counts));
        }
        fixed (T* s = send)
        fixed (T* r = receive)
        fixed (int* c = counts)
        fixed (int* d = displacements)
        {
            nint type = TypeOf<T>();
            OpenMpiLibrary.Check(_library.Allgatherv(s, send.Length, type, r, c, d, type, _library.CommWorld), "MPI_Allgatherv");
        }
    }

    /// <summary>Sends block r of <paramref name="send"/> (n elements each, n = send.Length / Size) to
    /// rank r and receives rank r's block for this rank at r·n (<c>MPI_Alltoall</c>).</summary>
    public void Alltoall<T>(ReadOnlySpan<T> send, Span<T> receive) where T : unmanaged
    {
        ThrowIfDisposed();
        if (send.Length % Size != 0)
        {
            throw new ArgumentException($"send has {send.Length} elements, not a multiple of the {Size} ranks.", nameof(send));
        }
        CheckLength(receive.Length, send.Length, nameof(receive));
        int block = send.Length / Size;
        fixed (T* s = send)
        fixed (T* r = receive)
        {
            nint type = TypeOf<T>();
            OpenMpiLibrary.Check(_library.Alltoall(s, block, type, r, block, type, _library.CommWorld), "MPI_Alltoall");
        }
    }

    /// <summary>Personalised exchange of blocks of any length: sendCounts[r] elements from
    /// sendDisplacements[r] go to rank r, whose block lands at receiveDisplacements[r]
    /// (receiveCounts[r] elements; <c>MPI_Alltoallv</c>).</summary>
    public void Alltoallv<T>(ReadOnlySpan<T> send, ReadOnlySpan<int> sendCounts, ReadOnlySpan<int> sendDisplacements,
        Span<T> receive, ReadOnlySpan<int> receiveCounts, ReadOnlySpan<int> receiveDisplacements) where T : unmanaged
    {
        ThrowIfDisposed();
        CheckLayout(sendCounts, sendDisplacements, send.Length, nameof(sendCounts));
        CheckLayout(receiveCounts, receiveDisplacements, receive.Length, nameof(receiveCounts));
        fixed (T* s = send)
        fixed (T* r = receive)
        fixed (int* sc = sendCounts)
        fixed (int* sd = sendDisplacements)
        fixed (int* rc = receiveCounts)
        fixed (int* rd = receiveDisplacements)
        {
            nint type = TypeOf<T>();
            OpenMpiLibrary.Check(_library.Alltoallv(s, sc, sd, type, r, rc, rd, type, _library.CommWorld), "MPI_Alltoallv");
        }
    }

    /// <summary>Writes <paramref name="message"/> to standard error and ends every process of the job
    /// with <paramref name="errorCode"/> (<c>MPI_Abort</c>). Does not return.</summary>
    /// <param name="errorCode">The exit code mpirun reports.</param>
    /// <param name="message">What went wrong, for the job's output.</param>
    [DoesNotReturn]
    public void Abort(int errorCode, string message)
    {
        Console.Out.Flush();
        Console.Error.WriteLine(message);
        Console.Error.Flush();
        _library.Abort(_library.CommWorld, errorCode);
        Environment.Exit(errorCode);
    }

    /// <summary>Finalises MPI (<c>MPI_Finalize</c>) when this session initialised it; every rank must
    /// dispose its session.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_ownsInitialization)
        {
            OpenMpiLibrary.Check(_library.Finalize(), "MPI_Finalize");
        }
    }

    private nint TypeOf<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(byte))
        {
            return _library.Byte;
        }
        if (typeof(T) == typeof(int) || typeof(T) == typeof(uint))
        {
            return _library.Int;
        }
        if (typeof(T) == typeof(long))
        {
            return _library.LongLong;
        }
        if (typeof(T) == typeof(ulong))
        {
            return _library.UnsignedLongLong;
        }
        if (typeof(T) == typeof(float))
        {
            return _library.Float;
        }
        if (typeof(T) == typeof(double))
        {
            return _library.Double;
        }
        throw new NotSupportedException($"MPI buffers of {typeof(T).Name} are not supported; use byte, int, uint, long, ulong, float or double (MemoryMarshal.Cast for structs).");
    }

    private void CheckRank(int rank, string name)
    {
        if (rank < 0 || rank >= Size)
        {
            throw new ArgumentOutOfRangeException(name, rank, $"{name} = {rank} must be a rank in [0, {Size - 1}].");
        }
    }

    private void CheckLayout(ReadOnlySpan<int> counts, ReadOnlySpan<int> displacements, int length, string name)
    {
        if (counts.Length != Size || displacements.Length != Size)
        {
            throw new ArgumentException($"{name} and its displacements need one entry per rank ({Size}); got {counts.Length} and {displacements.Length}.", name);
        }
        for (int r = 0; r < Size; r++)
        {
            if (counts[r] < 0 || displacements[r] < 0 || (long)displacements[r] + counts[r] > length)
            {
                throw new ArgumentException($"{name}: block {r} (count {counts[r]} at {displacements[r]}) must lie within the buffer of {length} elements.", name);
            }
        }
    }

    private static void CheckLength(int actual, long needed, string name)
    {
        if (actual < needed)
        {
            throw new ArgumentException($"{name} holds {actual} elements; {needed} are needed.", name);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
