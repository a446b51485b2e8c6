package dev.payhooks.persistence.staff;

import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.domain.staff.StaffUsers;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;

import java.util.Optional;

/** {@link StaffUsers} on JPA. The caller owns the transaction. */
public class JpaStaffUsers implements StaffUsers {

    private final EntityManager em;

    public JpaStaffUsers(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<StaffUser> withUsername(String username) {
        return em.createQuery("select u from StaffUserEntity u where u.username = :username", StaffUserEntity.class)
            .setParameter("username", StaffUser.normalizeUsername(username))
            .getResultStream()
            .findFirst()
            .map(StaffUserMapper::toDomain);
    }

    @Override
    public java.util.List<StaffUser> all() {
        return em.createQuery("select u from StaffUserEntity u order by u.username", StaffUserEntity.class)
            .getResultStream().map(StaffUserMapper::toDomain).toList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(u) from StaffUserEntity u", Long.class).getSingleResult();
    }

    @Override
    public void add(StaffUser user) {
        em.persist(StaffUserMapper.toNewEntity(user));
        em.flush();
    }

    @Override
    public void update(StaffUser user) {
        StaffUserEntity entity = em.find(StaffUserEntity.class, user.id(), LockModeType.NONE);
        if (entity == null || entity.version != user.version()) {
            throw new OptimisticLockException("staff user " + user.username() + " was changed or removed meanwhile");
        }
        StaffUserMapper.copyMutableState(user, entity);
        em.flush();
    }
}
