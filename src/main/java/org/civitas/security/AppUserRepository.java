package org.civitas.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("select u from AppUser u join u.roles r where u.enabled = true and r = :role")
    List<AppUser> findActiveByRole(String role);

    @Query("""
            select u from AppUser u
            where (:text is null or u.username like concat('%', :text, '%')
                   or u.displayName like concat('%', :text, '%'))
              and (:unitCode is null or u.unitCode = :unitCode)
            order by u.username""")
    Slice<AppUser> search(String text, String unitCode, Pageable page);
}
