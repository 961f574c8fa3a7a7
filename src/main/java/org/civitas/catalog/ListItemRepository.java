package org.civitas.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ListItemRepository extends JpaRepository<ListItem, Long> {

    /** The item with its category's and lead unit's names, in one query. */
    String VIEW = """
            select new org.civitas.catalog.ItemView(i.id, i.listVersionId, i.code, c.code, c.name, i.name,
                   i.description, i.urgency, i.timeLimit, i.timeUnit, i.responsibility, u.code, u.name,
                   i.legalBasis, i.version)
            from ListItem i
            join Category c on c.code = i.categoryCode
            left join Unit u on u.code = i.leadUnitCode
            """;

    @Query(VIEW + """
            where i.listVersionId = :versionId
              and (:categoryCode is null or i.categoryCode = :categoryCode)
              and (:urgency is null or i.urgency = :urgency)
              and (:responsibility is null or i.responsibility = :responsibility)
              and (:text is null or i.code like concat('%', :text, '%') or i.name like concat('%', :text, '%')
                   or i.description like concat('%', :text, '%'))
            order by c.sortOrder, i.code""")
    Slice<ItemView> search(long versionId, String categoryCode, Urgency urgency, Responsibility responsibility,
                           String text, Pageable page);

    @Query(VIEW + "where i.listVersionId = :versionId order by c.sortOrder, i.code")
    List<ItemView> viewsOfVersion(long versionId);

    @Query(VIEW + "where i.listVersionId = :versionId and i.code = :code")
    Optional<ItemView> view(long versionId, String code);

    @Query(VIEW + "where i.id = :id")
    Optional<ItemView> view(long id);

    List<ListItem> findByListVersionId(long versionId);

    @Query("select i.code, i.keywords from ListItem i where i.listVersionId = :versionId and i.keywords is not null")
    List<Object[]> keywordsOfVersion(long versionId);

    @Query("select count(i) from ListItem i where i.leadUnitCode = :unitCode and i.listVersionId in :versionIds")
    long countLedBy(String unitCode, List<Long> versionIds);
}
