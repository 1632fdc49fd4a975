package io.ordo.adapters.web.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The demo users of the API (docs/api.md), all with password {@code demo}: for the embedded default only. */
public final class DemoUsers implements UserDetailsService {

    private final Map<String, OrdoPrincipal> users = new LinkedHashMap<>();

    public DemoUsers(PasswordEncoder encoder) {
        String hash = encoder.encode("demo");
        for (var u : List.of(
                new OrdoPrincipal("admin", "acme", Set.of("admin"), null, null, hash),
                new OrdoPrincipal("manager", "acme", Set.of("manager"), null, null, hash),
                new OrdoPrincipal("manager-north", "acme", Set.of("manager"), "north", null, hash),
                new OrdoPrincipal("agent", "acme", Set.of("agent"), null, null, hash),
                new OrdoPrincipal("agent2", "acme", Set.of("agent"), null, null, hash),
                new OrdoPrincipal("viewer", "acme", Set.of("viewer"), null, null, hash),
                new OrdoPrincipal("auditor", "acme", Set.of("compliance"), null, null, hash),
                new OrdoPrincipal("customer", "acme", Set.of("customer"), null, "cust-1", hash),
                new OrdoPrincipal("globex-admin", "globex", Set.of("admin"), null, null, hash),
                new OrdoPrincipal("ops", null, Set.of("operator"), null, null, hash))) {
            users.put(u.userId(), u);
        }
    }

    public Set<String> names() {
        return users.keySet();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return user;
    }
}
