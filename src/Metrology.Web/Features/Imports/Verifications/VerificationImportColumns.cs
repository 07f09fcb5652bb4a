namespace Metrology.Web.Features.Imports.Verifications;

/// <summary>
/// The columns of a verification file, in the order <see cref="ImportRow.Values"/> follows. The indexes below
/// are positions in <see cref="All"/>; the keys are what error reports and the error file name.
/// </summary>
public static class VerificationImportColumns
{
    public const int BodyTaxCode = 0;
    public const int CertificateNumber = 1;
    public const int OwnerTaxCode = 2;
    public const int TypeCode = 3;
    public const int Manufacturer = 4;
    public const int Model = 5;
    public const int SerialNumber = 6;
    public const int Date = 7;
    public const int Kind = 8;
    public const int Result = 9;
    public const int StampSerial = 10;
    public const int NextDueDate = 11;
    public const int VerifierName = 12;
    public const int SignerName = 13;

    public static class Keys
    {
        public const string BodyTaxCode = "bodyTaxCode";
        public const string CertificateNumber = "certificateNumber";
        public const string OwnerTaxCode = "ownerTaxCode";
        public const string TypeCode = "typeCode";
        public const string Manufacturer = "manufacturer";
        public const string Model = "model";
        public const string SerialNumber = "serialNumber";
        public const string Date = "date";
        public const string Kind = "kind";
        public const string Result = "result";
        public const string StampSerial = "stampSerial";
        public const string NextDueDate = "nextDueDate";
        public const string VerifierName = "verifierName";
        public const string SignerName = "signerName";
    }

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new(Keys.BodyTaxCode, "Mã số thuế tổ chức kiểm định", "Body tax code", true,
            "Mã số thuế của tổ chức kiểm định đã thực hiện (người vận hành phòng thí nghiệm: chỉ tổ chức của mình).",
            "Tax code of the verification body that did the verification (a lab operator: its own body only).",
            "3200123457", ["ma so thue to chuc kiem dinh", "mst to chuc kiem dinh", "body tax code", "body"]),
        new(Keys.CertificateNumber, "Số giấy chứng nhận", "Certificate number", true,
            "Số giấy chứng nhận kiểm định; bắt buộc khi đạt, để trống khi không đạt. Cùng tổ chức và số giấy: dòng đã nhập sẽ không nhập lại.",
            "Verification certificate number; required on a pass, empty on a fail. A row with a body and number already on record is not imported again.",
            "GCN-2024-000123", ["so gcn", "so giay chung nhan kiem dinh", "certificate number", "certificate no", "certificate"]),
        new(Keys.OwnerTaxCode, "Mã số thuế chủ sở hữu", "Owner tax code", true,
            "Mã số thuế của tổ chức sở hữu phương tiện đo, đã có trong danh sách tổ chức của tỉnh.",
            "Tax code of the organisation that owns the instrument, already registered in the province.",
            "3200234566", ["mst chu so huu", "ma so thue chu so huu", "owner tax code", "owner"]),
        new(Keys.TypeCode, "Mã loại phương tiện đo nhóm 2", "Group 2 type code", true,
            "Mã loại phương tiện đo trong danh mục nhóm 2 (xem danh mục trong ứng dụng).",
            "The instrument type's code in the Group 2 list (see the list in the application).",
            "fuel-dispenser", ["ma loai", "loai phuong tien do", "group 2 type code", "type code", "type"]),
        new(Keys.Manufacturer, "Hãng sản xuất", "Manufacturer", true,
            "Hãng sản xuất; cùng loại, hãng và số sản xuất là cùng một phương tiện đo.",
            "Manufacturer; the same type, manufacturer and serial number is the same instrument.",
            "Tatsuno", ["hang san xuat", "nha san xuat", "manufacturer", "make"]),
        new(Keys.Model, "Kiểu", "Model", false,
            "Kiểu (model), dùng khi phương tiện đo chưa có trong sổ và được tạo mới.",
            "Model, used when the instrument is not yet registered and is created.",
            "SUNNY-2", ["kieu", "model", "kieu loai"]),
        new(Keys.SerialNumber, "Số sản xuất", "Serial number", true,
            "Số sản xuất (số serial) của phương tiện đo.",
            "The instrument's serial number.",
            "TS20240001", ["so san xuat", "so serial", "serial number", "serial"]),
        new(Keys.Date, "Ngày kiểm định", "Verification date", true,
            "Ngày kiểm định, dạng dd/MM/yyyy; không sau ngày hôm nay.",
            "Verification date, dd/MM/yyyy; not after today.",
            "31/01/2024", ["ngay kiem dinh", "verification date", "date"]),
        new(Keys.Kind, "Hình thức kiểm định", "Kind", true,
            "Ban đầu, Định kỳ, Sau sửa chữa hoặc Đối chứng.",
            "Initial, Periodic, After repair or Reference.",
            "Định kỳ", ["hinh thuc kiem dinh", "hinh thuc", "kind", "verification kind"]),
        new(Keys.Result, "Kết quả", "Result", true,
            "Đạt hoặc Không đạt.",
            "Pass or Fail.",
            "Đạt", ["ket qua", "result"]),
        new(Keys.StampSerial, "Số tem kiểm định", "Stamp serial", true,
            "Số tem kiểm định đã dán; bắt buộc khi đạt, để trống khi không đạt; mỗi số tem chỉ dùng một lần.",
            "Serial of the verification stamp; required on a pass, empty on a fail; each stamp is used once.",
            "T-24-000123", ["so tem", "so tem kiem dinh", "stamp serial", "stamp"]),
        new(Keys.NextDueDate, "Hạn kiểm định tiếp theo", "Next due date", false,
            "Để trống để tính theo chu kỳ của loại phương tiện đo; nếu ghi, phải sau ngày kiểm định.",
            "Leave empty to use the type's cycle; when given, it must be after the verification date.",
            "31/01/2025", ["han kiem dinh tiep theo", "han kiem dinh", "next due date", "due date"]),
        new(Keys.VerifierName, "Kiểm định viên", "Verifier name", true,
            "Họ tên kiểm định viên đã thực hiện.",
            "Full name of the verifier.",
            "Lê Văn Kiểm", ["kiem dinh vien", "nguoi kiem dinh", "verifier name", "verifier"]),
        new(Keys.SignerName, "Người ký giấy chứng nhận", "Signer name", false,
            "Họ tên người ký giấy chứng nhận; bắt buộc khi đạt.",
            "Full name of the person who signed the certificate; required on a pass.",
            "Nguyễn Văn Ký", ["nguoi ky", "nguoi ky giay chung nhan", "signer name", "signer"]),
    ];
}
