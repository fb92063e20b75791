using System.Runtime.InteropServices;
using System.Text;

namespace Snn.Backends.Mpi;

/// <summary>
/// The few MPI calls Snn needs, bound at run time to Open MPI's <c>libmpi</c> through function
/// pointers (no build-time dependency on MPI). It targets Open MPI's ABI: there <c>MPI_Comm</c> and
/// <c>MPI_Datatype</c> are pointers to predefined global objects, so <c>MPI_COMM_WORLD</c> is the
/// address of the symbol <c>ompi_mpi_comm_world</c> and <c>MPI_INT</c> that of <c>ompi_mpi_int</c>,
/// read with <see cref="NativeLibrary.GetExport"/>. MPICH and its derivatives (Intel MPI,
/// MVAPICH, Cray MPICH; <c>libmpi.so.12</c>) instead use 32-bit integer handles fixed in
/// <c>mpi.h</c> (<c>MPI_COMM_WORLD = 0x44000000</c>, <c>MPI_INT = 0x4c000405</c>,
/// <c>MPI_BYTE = 0x4c00010d</c>) and the same function names: supporting them means passing
/// those constants as <c>int</c> instead of the symbol addresses; such a library is refused here
/// with a message saying so, since it lacks the <c>ompi_mpi_*</c> symbols.
/// <para>
/// The library is opened with <c>dlopen(RTLD_NOW | RTLD_GLOBAL)</c>, as mpi4py does: Open MPI loads
/// its components as plug-ins that resolve symbols of <c>libmpi</c> and <c>libopen-pal</c>, which a
/// private (<c>RTLD_LOCAL</c>) load would hide from them.
/// </para>
/// </summary>
internal sealed unsafe class OpenMpiLibrary
{
    /// <summary>The environment variable that names the library file to load, overriding the search.</summary>
    public const string LibraryVariable = "SNN_MPI_LIBRARY";

    /// <summary>The file names tried in order when <see cref="LibraryVariable"/> is not set.</summary>
    public static readonly string[] Candidates = ["libmpi.so.40", "libmpi.so", "libmpi.40.dylib", "libmpi.dylib"];

    private const int RtldNow = 0x2;
    private const int RtldGlobal = 0x100;
    private static readonly Lock LoadLock = new();
    private static OpenMpiLibrary? _loaded;

    private OpenMpiLibrary(nint handle, string path)
    {
        Path = path;
        CommWorld = Symbol(handle, path, "ompi_mpi_comm_world");
        Byte = Symbol(handle, path, "ompi_mpi_byte");
        Int = Symbol(handle, path, "ompi_mpi_int");
        LongLong = Symbol(handle, path, "ompi_mpi_long_long_int");
        UnsignedLongLong = Symbol(handle, path, "ompi_mpi_unsigned_long_long");
        Float = Symbol(handle, path, "ompi_mpi_float");
        Double = Symbol(handle, path, "ompi_mpi_double");
        Init = (delegate* unmanaged<int*, nint, int>)Function(handle, path, "MPI_Init");
        Initialized = (delegate* unmanaged<int*, int>)Function(handle, path, "MPI_Initialized");
        Finalized = (delegate* unmanaged<int*, int>)Function(handle, path, "MPI_Finalized");
        Finalize = (delegate* unmanaged<int>)Function(handle, path, "MPI_Finalize");
        Abort = (delegate* unmanaged<nint, int, int>)Function(handle, path, "MPI_Abort");
        CommRank = (delegate* unmanaged<nint, int*, int>)Function(handle, path, "MPI_Comm_rank");
        CommSize = (delegate* unmanaged<nint, int*, int>)Function(handle, path, "MPI_Comm_size");
        Barrier = (delegate* unmanaged<nint, int>)Function(handle, path, "MPI_Barrier");
        Bcast = (delegate* unmanaged<void*, int, nint, int, nint, int>)Function(handle, path, "MPI_Bcast");
        Allgather = (delegate* unmanaged<void*, int, nint, void*, int, nint, nint, int>)Function(handle, path, "MPI_Allgather");
        Allgatherv = (delegate* unmanaged<void*, int, nint, void*, int*, int*, nint, nint, int>)Function(handle, path, "MPI_Allgatherv");
        Alltoall = (delegate* unmanaged<void*, int, nint, void*, int, nint, nint, int>)Function(handle, path, "MPI_Alltoall");
        Alltoallv = (delegate* unmanaged<void*, int*, int*, nint, void*, int*, int*, nint, nint, int>)Function(handle, path, "MPI_Alltoallv");
        GetLibraryVersion = (delegate* unmanaged<byte*, int*, int>)Function(handle, path, "MPI_Get_library_version");
    }

    /// <summary>The file the library was loaded from (as given to <c>dlopen</c>).</summary>
    public string Path { get; }

    /// <summary><c>MPI_COMM_WORLD</c>.</summary>
    public nint CommWorld { get; }

    /// <summary><c>MPI_BYTE</c>.</summary>
    public nint Byte { get; }

    /// <summary><c>MPI_INT</c> (32-bit).</summary>
    public nint Int { get; }

    /// <summary><c>MPI_LONG_LONG</c> (64-bit).</summary>
    public nint LongLong { get; }

    /// <summary><c>MPI_UNSIGNED_LONG_LONG</c> (64-bit).</summary>
    public nint UnsignedLongLong { get; }

    /// <summary><c>MPI_FLOAT</c>.</summary>
    public nint Float { get; }

    /// <summary><c>MPI_DOUBLE</c>.</summary>
    public nint Double { get; }

    /// <summary><c>int MPI_Init(int *argc, char ***argv)</c>.</summary>
    public delegate* unmanaged<int*, nint, int> Init { get; }

    /// <summary><c>int MPI_Initialized(int *flag)</c>.</summary>
    public delegate* unmanaged<int*, int> Initialized { get; }

    /// <summary><c>int MPI_Finalized(int *flag)</c>.</summary>
    public delegate* unmanaged<int*, int> Finalized { get; }

    /// <summary><c>int MPI_Finalize(void)</c>.</summary>
    public delegate* unmanaged<int> Finalize { get; }

    /// <summary><c>int MPI_Abort(MPI_Comm comm, int errorcode)</c>.</summary>
    public delegate* unmanaged<nint, int, int> Abort { get; }

    /// <summary><c>int MPI_Comm_rank(MPI_Comm comm, int *rank)</c>.</summary>
    public delegate* unmanaged<nint, int*, int> CommRank { get; }

    /// <summary><c>int MPI_Comm_size(MPI_Comm comm, int *size)</c>.</summary>
    public delegate* unmanaged<nint, int*, int> CommSize { get; }

    /// <summary><c>int MPI_Barrier(MPI_Comm comm)</c>.</summary>
    public delegate* unmanaged<nint, int> Barrier { get; }

    /// <summary><c>int MPI_Bcast(void *buffer, int count, MPI_Datatype datatype, int root, MPI_Comm comm)</c>.</summary>
    public delegate* unmanaged<void*, int, nint, int, nint, int> Bcast { get; }

    /// <summary><c>int MPI_Allgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
    /// int recvcount, MPI_Datatype recvtype, MPI_Comm comm)</c>.</summary>
    public delegate* unmanaged<void*, int, nint, void*, int, nint, nint, int> Allgather { get; }

    /// <summary><c>int MPI_Allgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
    /// const int recvcounts[], const int displs[], MPI_Datatype recvtype, MPI_Comm comm)</c>.</summary>
    public delegate* unmanaged<void*, int, nint, void*, int*, int*, nint, nint, int> Allgatherv { get; }

    /// <summary><c>int MPI_Alltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
    /// int recvcount, MPI_Datatype recvtype, MPI_Comm comm)</c>.</summary>
    public delegate* unmanaged<void*, int, nint, void*, int, nint, nint, int> Alltoall { get; }

    /// <summary><c>int MPI_Alltoallv(const void *sendbuf, const int sendcounts[], const int sdispls[],
    /// MPI_Datatype sendtype, void *recvbuf, const int recvcounts[], const int rdispls[], MPI_Datatype recvtype,
    /// MPI_Comm comm)</c>.</summary>
    public delegate* unmanaged<void*, int*, int*, nint, void*, int*, int*, nint, nint, int> Alltoallv { get; }

    /// <summary><c>int MPI_Get_library_version(char *version, int *resultlen)</c>.</summary>
    public delegate* unmanaged<byte*, int*, int> GetLibraryVersion { get; }

    /// <summary>The library's version string (MPI_Get_library_version).</summary>
    public string Version()
    {
        var buffer = stackalloc byte[8192];
        int length = 0;
        Check(GetLibraryVersion(buffer, &length), "MPI_Get_library_version");
        return Encoding.UTF8.GetString(buffer, Math.Clamp(length, 0, 8192)).TrimEnd('\0', '\n', ' ');
    }

    /// <summary>Throws <see cref="MpiException"/> when an MPI call returned an error code.</summary>
    public static void Check(int code, string function)
    {
        if (code != 0)
        {
            throw new MpiException(function, code);
        }
    }

    /// <summary>Loads the library once per process: <see cref="LibraryVariable"/> if set, else the
    /// first of <see cref="Candidates"/> that opens.</summary>
    public static OpenMpiLibrary Load()
    {
        lock (LoadLock)
        {
            if (_loaded is not null)
            {
                return _loaded;
            }
            string? requested = Environment.GetEnvironmentVariable(LibraryVariable);
            string[] names = string.IsNullOrWhiteSpace(requested) ? Candidates : [requested];
            var errors = new List<string>();
            foreach (string name in names)
            {
                if (TryOpen(name, out nint handle, out string error))
                {
                    _loaded = new OpenMpiLibrary(handle, name);
                    return _loaded;
                }
                errors.Add($"{name}: {error}");
            }
            throw new MpiUnavailableException(
                $"No MPI library could be loaded ({string.Join("; ", errors)}). Install Open MPI (Debian/Ubuntu: " +
                $"apt-get install openmpi-bin libopenmpi-dev) or set {LibraryVariable} to the full path of Open MPI's libmpi.so.");
        }
    }

    private static bool TryOpen(string name, out nint handle, out string error)
    {
        error = "";
        if (OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out nint libc)
            && NativeLibrary.TryGetExport(libc, "dlopen", out nint dlopen) && NativeLibrary.TryGetExport(libc, "dlerror", out nint dlerror))
        {
            var open = (delegate* unmanaged<byte*, int, nint>)dlopen;
            var lastError = (delegate* unmanaged<byte*>)dlerror;
            byte[] path = Encoding.UTF8.GetBytes(name + "\0");
            fixed (byte* p = path)
            {
                handle = open(p, RtldNow | RtldGlobal);
            }
            if (handle == 0)
            {
                error = Marshal.PtrToStringUTF8((nint)lastError()) ?? "dlopen failed";
            }
            return handle != 0;
        }
        if (NativeLibrary.TryLoad(name, out handle))
        {
            return true;
        }
        error = "not found";
        return false;
    }

    private static nint Symbol(nint handle, string path, string name)
    {
        if (!NativeLibrary.TryGetExport(handle, name, out nint address))
        {
            throw new MpiUnavailableException(
                $"{path} has no symbol {name}: it is not Open MPI. Snn's MPI binding targets Open MPI's ABI (handles are " +
                $"addresses of ompi_mpi_* objects); MPICH-family libraries use integer handles and are not supported.");
        }
        return address;
    }

    private static nint Function(nint handle, string path, string name)
    {
        if (!NativeLibrary.TryGetExport(handle, name, out nint address))
        {
            throw new MpiUnavailableException($"{path} does not export {name}; it is not a usable MPI library.");
        }
        return address;
    }
}
