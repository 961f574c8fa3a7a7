package org.civitas.catalog;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UnitRepository extends JpaRepository<Unit, String> {

    List<Unit> findByKindOrderByCode(UnitKind kind);

    List<Unit> findByKindInAndActiveTrueOrderByCode(Collection<UnitKind> kinds);

    List<Unit> findByParentCodeOrderByCode(String parentCode);

    boolean existsByParentCodeAndActiveTrue(String parentCode);

    @Query("""
            select u from Unit u
            where (:kind is null or u.kind = :kind)
              and (:peerGroup is null or u.peerGroup = :peerGroup)
              and (:parentCode is null or u.parentCode = :parentCode)
              and (:text is null or u.code like concat('%', :text, '%') or u.name like concat('%', :text, '%'))
            order by u.code""")
    Slice<Unit> search(UnitKind kind, PeerGroup peerGroup, String parentCode, String text, Pageable page);
}
