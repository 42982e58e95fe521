namespace Diligence.Reports;

public enum PaperSize
{
    A4,
    Letter,
}
