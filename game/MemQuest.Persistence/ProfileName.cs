namespace MemQuest.Persistence;

/// <summary>Rules for profile names: 1 to 32 letters, digits, spaces, '-', '_' or '.'; not blank.</summary>
public static class ProfileName
{
    /// <summary>Null when <paramref name="name"/> is acceptable, else a sentence saying why not.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "A profile name cannot be empty.";
        if (name.Length > SaveLimits.ProfileNameMaxChars)
            return $"A profile name has at most {SaveLimits.ProfileNameMaxChars} characters.";
        if (name.Trim() != name)
            return "A profile name cannot start or end with a space.";
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_' or '.'))
                return $"A profile name may use only letters, digits, spaces, '-', '_' and '.' (not '{c}').";
        }
        return null;
    }

    /// <summary>The key that makes names unique regardless of case.</summary>
    public static string KeyOf(string name) => name.ToLowerInvariant();
}
