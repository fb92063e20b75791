using System.Net;
using System.Net.Http.Headers;

namespace Snn.Datasets.Tests.Support;

/// <summary>
/// An in-memory HTTP server for downloader tests: serves one body, optionally honours Range
/// requests, and can cut the first responses short with an I/O error.
/// </summary>
internal sealed class FakeServer(byte[] body) : HttpMessageHandler
{
    public bool HonoursRange { get; init; } = true;

    /// <summary>How many responses to cut short, and after how many bytes of each.</summary>
    public int FailuresLeft { get; set; }

    public int FailAfterBytes { get; init; }

    public HttpStatusCode? Status { get; init; }

    public List<RangeHeaderValue?> Ranges { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Ranges.Add(request.Headers.Range);
        if (Status is HttpStatusCode status)
        {
            return Task.FromResult(new HttpResponseMessage(status) { ReasonPhrase = status.ToString() });
        }
        long from = 0;
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        if (HonoursRange && request.Headers.Range?.Ranges.FirstOrDefault() is { From: long start })
        {
            if (start >= body.Length)
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.RequestedRangeNotSatisfiable));
            }
            from = start;
            response.StatusCode = HttpStatusCode.PartialContent;
        }
        var slice = body[(int)from..];
        Stream stream = new MemoryStream(slice);
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            stream = new FailingStream(slice, FailAfterBytes);
        }
        response.Content = new StreamContent(stream);
        response.Content.Headers.ContentLength = slice.Length;
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            response.Content.Headers.ContentRange = new ContentRangeHeaderValue(from, body.Length - 1, body.Length);
        }
        return Task.FromResult(response);
    }

    private sealed class FailingStream(byte[] data, int failAfter) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAfter)
            {
                throw new IOException("connection reset by the fake server");
            }
            int n = Math.Min(count, Math.Min(failAfter, data.Length) - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
