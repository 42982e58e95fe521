namespace Diligence.Browser.Tests.Infrastructure;

/// <summary>Someone who can sign in: the e-mail and password they were given.</summary>
public sealed record Account(string Email, string Name, string Password);
