using System.Text;

namespace Diligence.Cli.Tests;

/// <summary>A fresh folder under the system temp folder, deleted on dispose; file names are relative to it.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "diligence-cli-" + Guid.NewGuid().ToString("N"));

    public string Path(string name) => System.IO.Path.Combine(Root, name);

    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var path = Path(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
