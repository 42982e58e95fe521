namespace Diligence.Web.Library;

public sealed record LibraryFile(byte[] Content, string ContentType, string FileName);
