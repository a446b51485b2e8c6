package dev.payhooks.app.saleor;

import dev.payhooks.application.port.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.function.Supplier;

/** {@link UnitOfWork} as a JTA transaction of its own (rolled back on any unchecked exception). */
@ApplicationScoped
public class JtaUnitOfWork implements UnitOfWork {

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
        return work.get();
    }
}
