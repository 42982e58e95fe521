namespace Diligence.Data;

/// <summary>An account with this e-mail address (compared case-insensitively) already exists.</summary>
public sealed class DuplicateEmailException(string email) : Exception($"An account with e-mail {email} already exists.")
{
    public string Email { get; } = email;
}
