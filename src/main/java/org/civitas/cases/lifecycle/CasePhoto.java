package org.civitas.cases.lifecycle;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.civitas.cases.photos.PhotoInfo;
import org.civitas.cases.photos.PhotoKind;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.cases.photos.Photos;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "case_photo")
class CasePhoto {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    @Enumerated(EnumType.STRING)
    private PhotoKind kind;
    private String fileName;
    private String contentType;
    @Column(name = "size_bytes")
    private int size;
    @Basic(fetch = FetchType.LAZY)
    private byte[] data;
    private String uploadedBy;
    private LocalDateTime uploadedAt;

    protected CasePhoto() {
    }

    CasePhoto(Long caseId, PhotoKind kind, PhotoUpload upload, String actor, LocalDateTime now) {
        this.caseId = caseId;
        this.kind = kind;
        this.fileName = upload.fileName() == null ? "photo" : upload.fileName();
        this.contentType = Photos.contentType(upload.data());
        this.size = upload.data().length;
        this.data = upload.data();
        this.uploadedBy = actor;
        this.uploadedAt = now;
    }

    PhotoInfo toInfo() {
        return new PhotoInfo(id, kind, fileName, contentType, size);
    }

    Long getCaseId() { return caseId; }
    byte[] getData() { return data; }
    String getContentType() { return contentType; }
}
