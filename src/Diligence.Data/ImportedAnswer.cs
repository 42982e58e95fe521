namespace Diligence.Data;

/// <summary>One answer of an imported file: its key, its value JSON, and the version the importer read (0: none).</summary>
public sealed record ImportedAnswer(string Key, string ValueJson, int ExpectedVersion);
