using Metrology.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metrology.Core.Data;

internal sealed class RefreshTokenFamilyConfiguration : IEntityTypeConfiguration<RefreshTokenFamily>
{
    public void Configure(EntityTypeBuilder<RefreshTokenFamily> b)
    {
        b.Property(f => f.Id).HasMaxLength(RefreshTokenFamily.IdLength);
        b.Property(f => f.CurrentTokenId).HasMaxLength(RefreshTokenFamily.IdLength);
        b.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.UserId, f.ExpiresAt });
    }
}
