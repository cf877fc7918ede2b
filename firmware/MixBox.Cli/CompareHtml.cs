using System.Net;

namespace MixBox.Cli;

/// <summary>The comparison as one self-contained HTML file (the plot inlined): open it in any browser, nothing else needed.</summary>
public static class CompareHtml
{
    public static string Page(TrackComparison c, byte[] png)
    {
        string Text(string s) => WebUtility.HtmlEncode(s);
        string lines = string.Join("\n", c.Lines().Select(Text));
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>MixBox compare: {Text(c.Mix.Name)} against {Text(c.Reference.Name)}</title>
            <style>
            body {"{"} font-family: system-ui, sans-serif; margin: 2em; color: #222; {"}"}
            pre {"{"} font-family: ui-monospace, monospace; background: #f4f4f4; padding: 1em; overflow-x: auto; {"}"}
            img {"{"} max-width: 100%; border: 1px solid #ccc; {"}"}
            </style>
            </head>
            <body>
            <h1>{Text(c.Mix.Name)} against {Text(c.Reference.Name)}</h1>
            <p>Measured by the box's own loudness meter (ITU-R BS.1770-4, EBU Tech 3342) with each file played through the engine at unity.
            Spectra are compared at matched loudness: each band's level minus the file's integrated loudness.</p>
            <pre>{lines}</pre>
            <img alt="spectral balance of both files and their difference" src="data:image/png;base64,{Convert.ToBase64String(png)}">
            </body>
            </html>
            """;
    }
}
