package dev.payhooks.domain.staff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link StaffUsers} in a map, for tests of code that uses the port. */
public class InMemoryStaffUsers implements StaffUsers {

    private final Map<String, StaffUser> byUsername = new LinkedHashMap<>();

    @Override
    public synchronized Optional<StaffUser> withUsername(String username) {
        return Optional.ofNullable(byUsername.get(StaffUser.normalizeUsername(username)));
    }

    @Override
    public synchronized long count() {
        return byUsername.size();
    }

    @Override
    public synchronized java.util.List<StaffUser> all() {
        return byUsername.values().stream().sorted(java.util.Comparator.comparing(StaffUser::username)).toList();
    }

    @Override
    public synchronized void add(StaffUser user) {
        if (byUsername.putIfAbsent(user.username(), user) != null) {
            throw new IllegalStateException("username taken: " + user.username());
        }
    }

    @Override
    public synchronized void update(StaffUser user) {
        if (byUsername.replace(user.username(), user) == null) {
            throw new IllegalStateException("no such staff user: " + user.username());
        }
    }
}
