namespace AutosaveLoad;

public sealed class ClientResult
{
    public List<double> Latencies { get; } = [];

    public int Acknowledged { get; set; }

    public int Errors { get; set; }
}
